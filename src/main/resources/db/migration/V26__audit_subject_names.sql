-- What people call an entry's subject, shown instead of its identifier (part of the entry's hash when present).
ALTER TABLE audit_entry ADD COLUMN subject_name VARCHAR(300);
