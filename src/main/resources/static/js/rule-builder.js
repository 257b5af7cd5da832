// The visual rule builder of the proposal form (ADR 31). Each [data-rule-builder] field holds a textarea of rule JSON:
// the form field the server validates and stores. The builder draws an editable tree from it and writes it back on
// every change; typing in the textarea redraws the tree, and text that is not a rule leaves the tree as it was.
// Needs rule-model.js (window.CredoRules) and course-picker.js (window.CredoCoursePicker) loaded first.
(function () {
  'use strict';

  const { readRule, clean, sentence, subjectList, isGroup, text } = window.CredoRules;
  const GROUP_TYPES = { PREREQUISITE: ['all', 'any'], PROGRAM: ['all', 'choose'] };
  const GROUP_NAMES = { all: 'All of', any: 'Any one of', choose: 'At least N of' };
  const NODE_NAMES = { all: 'group', any: 'group', choose: 'group', course: 'course', credits: 'credit minimum' };

  // ---- Small DOM helpers ----

  function element(tag, className, attributes) {
    const e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value !== undefined && value !== null && value !== false) {
        e.setAttribute(name, value === true ? '' : value);
      }
    });
    return e;
  }

  function button(label, className, attributes) {
    const b = element('button', 'btn btn-sm ' + className, Object.assign({ type: 'button' }, attributes));
    b.textContent = label;
    return b;
  }

  function humanNumber(path) {
    return path.split('.').map((i) => Number(i) + 1).join('.');
  }

  // ---- One builder per rule field ----

  class Builder {
    constructor(field) {
      this.field = field;
      this.name = field.dataset.ruleBuilder;
      this.kind = field.dataset.kind === 'PROGRAM' ? 'PROGRAM' : 'PREREQUISITE';
      this.label = field.dataset.label || 'Rule';
      this.grades = (field.dataset.grades || '').split(',').filter((g) => g !== '');
      this.textarea = field.querySelector('textarea');
      this.tree = field.querySelector('[data-rule-tree]');
      this.words = field.querySelector('[data-rule-words]');
      this.sentence = field.querySelector('[data-rule-sentence]');
      this.status = field.querySelector('[data-rule-status]');
      this.notice = field.querySelector('[data-rule-notice]');
      this.problem = field.querySelector('[data-rule-json-problem]');
      this.advanced = field.querySelector('[data-rule-advanced]');
      this.rule = null;
      this.ids = 0;

      const read = readRule(this.textarea.value);
      if (read.error) {
        this.showProblem(read.error);
      } else {
        this.rule = read.rule;
        this.advanced.open = false;
      }
      this.tree.hidden = false;
      this.words.hidden = false;
      this.textarea.addEventListener('input', () => this.fromText());
      this.tree.addEventListener('input', (event) => this.onInput(event));
      this.tree.addEventListener('change', (event) => this.onChange(event));
      this.tree.addEventListener('click', (event) => this.onClick(event));
      this.picker = new window.CredoCoursePicker(this.tree, field.dataset.courseSearch, (m) => this.say(m), (input, code) => {
        this.at(input.dataset.path).course = code;
        this.changed();
      });
      this.render();
    }

    // -- The tree as data --

    at(path) {
      let node = this.rule;
      if (path === '') {
        return node;
      }
      path.split('.').forEach((i) => {
        node = node.items[Number(i)];
      });
      return node;
    }

    parentOf(path) {
      const steps = path.split('.');
      const index = Number(steps.pop());
      return { parent: this.at(steps.join('.')), index: index, parentPath: steps.join('.') };
    }

    newNode(what, nested) {
      if (what === 'course') {
        return { type: 'course', course: '' };
      }
      if (what === 'credits') {
        return { type: 'credits', minimum: '' };
      }
      if (!nested) {
        return this.kind === 'PROGRAM'
          ? { type: 'all', items: [this.newNode('course')], allowSharing: false }
          : { type: 'all', items: [this.newNode('course')] };
      }
      return this.kind === 'PROGRAM'
        ? { type: 'choose', count: 1, items: [this.newNode('course')] }
        : { type: 'any', items: [this.newNode('course')] };
    }

    // -- Keeping the JSON, the words and the notices in step --

    changed() {
      this.textarea.value = this.rule === null ? '' : JSON.stringify(clean(this.rule, this.kind), null, 2);
      this.clearProblem();
      this.showWords();
    }

    fromText() {
      const read = readRule(this.textarea.value);
      if (read.error) {
        this.showProblem(read.error);
        return;
      }
      this.clearProblem();
      this.rule = read.rule;
      this.render();
    }

    showProblem(message) {
      this.problem.textContent = message;
      this.notice.textContent = 'The JSON under “Advanced” is not a rule the builder can show (' + message.replace(/\.$/, '')
        + '), so the builder keeps the last rule it could read. Fix the JSON, or change the rule here to replace the JSON.';
      this.notice.hidden = false;
    }

    clearProblem() {
      this.problem.textContent = '';
      this.notice.hidden = true;
      this.notice.textContent = '';
    }

    showWords() {
      this.sentence.textContent = sentence(this.rule, this.kind, this.label);
    }

    say(message) {
      // Cleared first so that the same message twice is announced twice.
      this.status.textContent = '';
      window.setTimeout(() => {
        this.status.textContent = message;
      }, 50);
    }

    // -- Drawing --

    id(suffix) {
      this.ids += 1;
      return 'rule-' + this.name + '-' + this.ids + '-' + suffix;
    }

    render(focus) {
      this.tree.replaceChildren();
      const hint = element('span', 'visually-hidden', { id: 'rule-' + this.name + '-combo-hint' });
      hint.textContent = 'Type part of a course code or title, then choose with the arrow keys and Enter.';
      this.tree.append(hint);
      if (this.rule === null) {
        this.tree.append(this.emptyState());
      } else {
        const root = element('div', 'rule-root');
        root.append(this.editor(this.rule, ''));
        const tools = element('div', 'd-flex flex-wrap gap-2 mt-2');
        if (!isGroup(this.rule.type)) {
          tools.append(button('Add another requirement', 'btn-outline-secondary', {
            'data-action': 'wrap', 'data-focus': '|wrap',
            'aria-label': 'Add another requirement to the ' + this.label.toLowerCase() + ' (makes an “All of” group)'
          }));
        }
        tools.append(button(this.kind === 'PROGRAM' ? 'Clear the requirements' : 'Remove all ' + this.label.toLowerCase(),
          'btn-outline-danger', { 'data-action': 'remove', 'data-path': '' }));
        root.append(tools);
        this.tree.append(root);
      }
      this.showWords();
      if (focus) {
        const target = this.tree.querySelector('[data-focus="' + focus + '"]');
        if (target) {
          target.focus();
        }
      }
    }

    emptyState() {
      const box = element('div', 'rule-empty');
      const p = element('p', 'text-muted small mb-2');
      p.textContent = sentence(null, this.kind, this.label);
      box.append(p);
      const tools = element('div', 'd-flex flex-wrap gap-2');
      const to = ' to the ' + this.label.toLowerCase();
      tools.append(button('Add a course', 'btn-outline-primary',
        { 'data-action': 'start', 'data-add': 'course', 'data-focus': '|start-course', 'aria-label': 'Add a course' + to }));
      tools.append(button('Add a group', 'btn-outline-primary',
        { 'data-action': 'start', 'data-add': 'group', 'data-focus': '|start-group', 'aria-label': 'Add a group of requirements' + to }));
      if (this.kind === 'PROGRAM') {
        tools.append(button('Add a credit minimum', 'btn-outline-primary',
          { 'data-action': 'start', 'data-add': 'credits', 'data-focus': '|start-credits', 'aria-label': 'Add a credit minimum' + to }));
      }
      box.append(tools);
      return box;
    }

    editor(node, path) {
      if (node.type === 'course') {
        return this.courseEditor(node, path);
      }
      if (node.type === 'credits') {
        return this.creditsEditor(node, path);
      }
      return this.groupEditor(node, path);
    }

    control(tag, className, path, prop, attributes) {
      return element(tag, className, Object.assign({ 'data-path': path, 'data-prop': prop, 'data-focus': path + '|' + prop }, attributes));
    }

    labelled(columnClass, labelText, input, help) {
      const column = element('div', columnClass);
      const label = element('label', 'form-label small mb-0', { for: input.id });
      label.textContent = labelText;
      column.append(label, input);
      if (help) {
        const helpText = element('div', 'form-text mt-0', { id: input.id + '-help' });
        helpText.textContent = help;
        input.setAttribute('aria-describedby', helpText.id);
        column.append(helpText);
      }
      return column;
    }

    gradeSelect(node, path, noneText) {
      const select = this.control('select', 'form-select form-select-sm', path, 'minGrade', { id: this.id('grade') });
      const grades = this.grades.slice();
      if (text(node.minGrade) !== '' && !grades.includes(text(node.minGrade))) {
        grades.push(text(node.minGrade));
      }
      const none = element('option', '', { value: '' });
      none.textContent = noneText;
      select.append(none);
      grades.forEach((g) => {
        const option = element('option', '', { value: g, selected: text(node.minGrade) === g });
        option.textContent = g + ' or better';
        select.append(option);
      });
      return select;
    }

    textInput(path, prop, value, attributes) {
      const input = this.control('input', 'form-control form-control-sm', path, prop,
        Object.assign({ type: 'text', id: this.id(prop), autocomplete: 'off' }, attributes));
      input.value = value;
      return input;
    }

    courseEditor(node, path) {
      const row = element('div', 'row g-2 align-items-end');
      const listbox = element('ul', 'list-group rule-options shadow-sm', { role: 'listbox', id: this.id('options'), hidden: true });
      const input = this.textInput(path, 'course', text(node.course), {
        role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listbox.id,
        spellcheck: 'false', placeholder: 'Code or title, e.g. DATA 101',
        'aria-describedby': 'rule-' + this.name + '-combo-hint'
      });
      listbox.setAttribute('aria-label', 'Courses in the catalog');
      const course = this.labelled('col-12 col-sm-8 rule-combo', 'Course', input);
      course.append(listbox);
      row.append(course, this.labelled('col-12 col-sm-4', 'Minimum grade', this.gradeSelect(node, path, 'Any passing grade')));
      return row;
    }

    creditsEditor(node, path) {
      const row = element('div', 'row g-2 align-items-start');
      row.append(this.labelled('col-12 col-sm-6', 'Name (optional)',
        this.textInput(path, 'label', text(node.label), { placeholder: 'e.g. Electives' })));
      row.append(this.labelled('col-6 col-sm-3', 'Credits at least',
        this.textInput(path, 'minimum', text(node.minimum), { inputmode: 'decimal' })));
      row.append(this.labelled('col-6 col-sm-3', 'Minimum grade', this.gradeSelect(node, path, 'Any passing grade')));
      row.append(this.labelled('col-12 col-sm-6', 'From subjects',
        this.textInput(path, 'subjects', subjectList(node.subjects).join(', '), { placeholder: 'e.g. DATA, CS' }),
        'Separated by commas; empty for any subject.'));
      row.append(this.labelled('col-12 col-sm-6', 'Course numbers from',
        this.textInput(path, 'minNumber', text(node.minNumber), { inputmode: 'numeric', placeholder: 'e.g. 300' }),
        'Empty for any course number.'));
      return row;
    }

    groupEditor(node, path) {
      const box = element('div', 'rule-group');
      const settings = element('div', 'row g-2 align-items-end mb-2');
      const types = GROUP_TYPES[this.kind].slice();
      if (!types.includes(node.type)) {
        types.push(node.type);
      }
      const select = this.control('select', 'form-select form-select-sm', path, 'type', { id: this.id('type') });
      types.forEach((type) => {
        const option = element('option', '', { value: type, selected: node.type === type });
        option.textContent = GROUP_NAMES[type] + (GROUP_TYPES[this.kind].includes(type) ? '' : ' (not allowed here)');
        select.append(option);
      });
      settings.append(this.labelled('col-auto', 'Complete', select));
      if (node.type === 'choose') {
        settings.append(this.labelled('col-auto', 'How many', this.textInput(path, 'count', text(node.count),
          { inputmode: 'numeric', class: 'form-control form-control-sm rule-count' })));
      }
      if (node.type !== 'any' && (this.kind === 'PROGRAM' || text(node.label) !== '')) {
        settings.append(this.labelled('col-12 col-sm', 'Name (optional)',
          this.textInput(path, 'label', text(node.label), { placeholder: 'e.g. Core courses' })));
      }
      if (node.type === 'all' && (this.kind === 'PROGRAM' || node.allowSharing !== undefined)) {
        const check = element('div', 'col-12 form-check ms-2');
        const box2 = this.control('input', 'form-check-input', path, 'allowSharing',
          { type: 'checkbox', id: this.id('sharing'), checked: node.allowSharing === true });
        const label = element('label', 'form-check-label small', { for: box2.id });
        label.textContent = 'A course may count toward more than one item of this group';
        check.append(box2, label);
        settings.append(check);
      }
      box.append(settings);

      const items = element('ol', 'rule-items list-unstyled');
      node.items.forEach((child, i) => {
        const childPath = path === '' ? String(i) : path + '.' + i;
        items.append(this.item(child, childPath, i, node.items.length));
      });
      box.append(items);

      const where = path === '' ? 'the top group' : 'group ' + humanNumber(path);
      const tools = element('div', 'd-flex flex-wrap gap-1 rule-add');
      tools.append(button('Add a course', 'btn-outline-primary',
        { 'data-action': 'add', 'data-add': 'course', 'data-path': path, 'data-focus': path + '|add-course', 'aria-label': 'Add a course to ' + where }));
      tools.append(button('Add a group', 'btn-outline-primary',
        { 'data-action': 'add', 'data-add': 'group', 'data-path': path, 'data-focus': path + '|add-group', 'aria-label': 'Add a group to ' + where }));
      if (this.kind === 'PROGRAM') {
        tools.append(button('Add a credit minimum', 'btn-outline-primary',
          { 'data-action': 'add', 'data-add': 'credits', 'data-path': path, 'data-focus': path + '|add-credits', 'aria-label': 'Add a credit minimum to ' + where }));
      }
      box.append(tools);
      return box;
    }

    item(node, path, index, count) {
      const li = element('li', 'rule-item');
      const box = element('fieldset', 'rule-item-box');
      const number = humanNumber(path);
      const legend = element('legend', 'rule-item-title');
      legend.textContent = number + ' · ' + (isGroup(node.type) ? 'Group' : NODE_NAMES[node.type].replace(/^./, (c) => c.toUpperCase()));
      const tools = element('div', 'rule-item-tools');
      tools.append(
        button('↑ Up', 'btn-outline-secondary', { 'data-action': 'up', 'data-path': path, 'data-focus': path + '|up', disabled: index === 0, 'aria-label': 'Move item ' + number + ' up' }),
        button('↓ Down', 'btn-outline-secondary', { 'data-action': 'down', 'data-path': path, 'data-focus': path + '|down', disabled: index === count - 1, 'aria-label': 'Move item ' + number + ' down' }),
        button('Remove', 'btn-outline-danger', { 'data-action': 'remove', 'data-path': path, 'data-focus': path + '|remove', 'aria-label': 'Remove item ' + number }));
      const body = element('div', 'rule-item-body');
      body.append(this.editor(node, path));
      box.append(legend, tools, body);
      li.append(box);
      return li;
    }

    firstControl(node, path) {
      if (node.type === 'course') {
        return path + '|course';
      }
      if (node.type === 'credits') {
        return path + '|label';
      }
      return path + '|type';
    }

    // -- Editing --

    onInput(event) {
      const target = event.target;
      const prop = target.dataset.prop;
      if (!prop || target.tagName === 'SELECT' || target.type === 'checkbox') {
        return;
      }
      const node = this.at(target.dataset.path);
      if (prop === 'subjects') {
        node.subjects = subjectList(target.value);
      } else {
        node[prop] = target.value;
      }
      this.changed();
    }

    onChange(event) {
      const target = event.target;
      const prop = target.dataset.prop;
      if (!prop || (target.tagName !== 'SELECT' && target.type !== 'checkbox')) {
        return;
      }
      const path = target.dataset.path;
      const node = this.at(path);
      if (prop === 'allowSharing') {
        node.allowSharing = target.checked;
      } else if (prop === 'minGrade') {
        if (target.value === '') {
          delete node.minGrade;
        } else {
          node.minGrade = target.value;
        }
      } else if (prop === 'type') {
        node.type = target.value;
        if (node.type === 'choose' && text(node.count) === '') {
          node.count = 1;
        }
        if (node.type === 'all' && this.kind === 'PROGRAM' && node.allowSharing === undefined) {
          node.allowSharing = false;
        }
        this.changed();
        this.render(path + '|type');
        this.say('The group is now “' + GROUP_NAMES[node.type] + '”.');
        return;
      }
      this.changed();
    }

    onClick(event) {
      const b = event.target.closest('button[data-action]');
      if (!b) {
        return;
      }
      const action = b.dataset.action;
      const path = b.dataset.path || '';
      if (action === 'start') {
        this.rule = this.newNode(b.dataset.add, false);
        this.changed();
        this.render(this.firstControl(this.rule, ''));
        this.say(isGroup(this.rule.type) ? 'Group added with one course.' : 'Course added.');
      } else if (action === 'wrap') {
        const first = this.rule;
        this.rule = this.newNode('group', false);
        this.rule.items = [first, this.newNode('course')];
        this.changed();
        this.render('1|course');
        this.say('The rule is now “All of” two items; item 2 is a new course.');
      } else if (action === 'add') {
        const group = this.at(path);
        const added = this.newNode(b.dataset.add, true);
        group.items.push(added);
        const addedPath = (path === '' ? '' : path + '.') + (group.items.length - 1);
        this.changed();
        this.render(this.firstControl(added, addedPath));
        this.say('Item ' + humanNumber(addedPath) + ' added: ' + NODE_NAMES[added.type] + '.');
      } else if (action === 'remove') {
        this.remove(path);
      } else if (action === 'up' || action === 'down') {
        this.move(path, action === 'up' ? -1 : 1);
      }
    }

    remove(path) {
      if (path === '') {
        this.rule = null;
        this.changed();
        this.render('|start-course');
        this.say(this.label + ' cleared.');
        return;
      }
      const { parent, index, parentPath } = this.parentOf(path);
      parent.items.splice(index, 1);
      this.changed();
      const prefix = parentPath === '' ? '' : parentPath + '.';
      let focus;
      if (parent.items.length > index) {
        focus = prefix + index + '|remove';
      } else if (index > 0) {
        focus = prefix + (index - 1) + '|remove';
      } else {
        focus = parentPath + '|add-course';
      }
      this.render(focus);
      this.say('Item ' + humanNumber(path) + ' removed.');
    }

    move(path, step) {
      const { parent, index, parentPath } = this.parentOf(path);
      const to = index + step;
      if (to < 0 || to >= parent.items.length) {
        return;
      }
      const moved = parent.items.splice(index, 1)[0];
      parent.items.splice(to, 0, moved);
      this.changed();
      const newPath = (parentPath === '' ? '' : parentPath + '.') + to;
      const atEnd = (step < 0 && to === 0) || (step > 0 && to === parent.items.length - 1);
      this.render(newPath + '|' + ((step < 0) !== atEnd ? 'up' : 'down'));
      this.say('Moved to item ' + humanNumber(newPath) + '.');
    }
  }

  document.querySelectorAll('[data-rule-builder]').forEach((field) => new Builder(field));
})();
