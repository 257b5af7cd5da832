// The rule model of the rule builder (ADR 31): reading rule JSON (the shape of RequirementJson) into a tree the builder
// edits, writing it back, and the rule in words. Pure functions, shared as window.CredoRules.
(function () {
  'use strict';

  const KNOWN_TYPES = ['all', 'any', 'choose', 'course', 'credits'];

  const isGroup = (type) => type === 'all' || type === 'any' || type === 'choose';
  const text = (value) => (value === undefined || value === null ? '' : String(value).trim());

  // ---- Reading rule JSON into the builder's tree (the same objects, with items always a list) ----

  function readRule(source) {
    if (source.trim() === '') {
      return { rule: null };
    }
    let value;
    try {
      value = JSON.parse(source);
    } catch (e) {
      return { error: 'This is not valid JSON yet: ' + e.message + '.' };
    }
    const problems = [];
    const rule = readNode(value, '', problems);
    if (problems.length > 0) {
      return { error: 'The builder cannot show this rule: ' + problems.join('; ') + '.' };
    }
    return { rule: rule };
  }

  function readNode(value, at, problems) {
    const where = at === '' ? 'the rule' : at;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(where + ' must be an object with a "type"');
      return null;
    }
    if (!KNOWN_TYPES.includes(value.type)) {
      problems.push(where + ': type must be one of ' + KNOWN_TYPES.join(', '));
      return null;
    }
    const node = Object.assign({}, value);
    if (isGroup(node.type)) {
      const items = value.items === undefined || value.items === null ? [] : value.items;
      if (!Array.isArray(items)) {
        problems.push(where + ': items must be a list');
        return null;
      }
      node.items = items.map((item, i) => readNode(item, (at === '' ? '' : at + '.') + 'items[' + i + ']', problems));
    }
    return node;
  }

  // ---- Writing the tree back as the JSON shape of RequirementJson ----

  function numberOrText(value) {
    if (typeof value === 'number') {
      return value;
    }
    const t = text(value);
    if (t === '') {
      return undefined;
    }
    // Anything else is kept as typed, so that the server names the problem instead of the builder losing it.
    return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
  }

  function subjectList(value) {
    if (Array.isArray(value)) {
      return value.map(text).filter((s) => s !== '');
    }
    return text(value).split(/[\s,;]+/).filter((s) => s !== '').map((s) => s.toUpperCase());
  }

  function clean(node, kind) {
    const out = { type: node.type };
    const put = (key, value) => {
      if (value !== undefined && value !== '') {
        out[key] = value;
      }
    };
    if (node.type === 'course') {
      out.course = text(node.course);
      put('minGrade', text(node.minGrade));
    } else if (node.type === 'credits') {
      put('label', text(node.label));
      put('minimum', numberOrText(node.minimum));
      const subjects = subjectList(node.subjects);
      if (subjects.length > 0) {
        out.subjects = subjects;
      }
      put('minNumber', numberOrText(node.minNumber));
      put('minGrade', text(node.minGrade));
    } else {
      if (node.type !== 'any') {
        put('label', text(node.label));
      }
      if (node.type === 'choose') {
        put('count', numberOrText(node.count));
      }
      out.items = node.items.map((item) => clean(item, kind));
      if (node.type === 'all' && (kind === 'PROGRAM' || node.allowSharing !== undefined)) {
        out.allowSharing = node.allowSharing === true;
      }
    }
    return out;
  }

  // ---- The rule in words ----

  function list(parts, conjunction) {
    if (parts.length <= 1) {
      return parts.join('');
    }
    return parts.slice(0, -1).join(', ') + ' ' + conjunction + ' ' + parts[parts.length - 1];
  }

  function grade(value) {
    return text(value) === '' ? '' : ' (grade ' + text(value) + ' or better)';
  }

  function creditWords(node) {
    const minimum = text(node.minimum) === '' ? '?' : text(node.minimum);
    let words = 'at least ' + minimum + ' credits';
    const subjects = subjectList(node.subjects);
    if (subjects.length > 0) {
      words += ' in ' + list(subjects, 'or') + ' courses';
    }
    if (text(node.minNumber) !== '') {
      words += ' numbered ' + text(node.minNumber) + ' or above';
    }
    if (text(node.minGrade) !== '') {
      words += ', each with grade ' + text(node.minGrade) + ' or better';
    }
    return words;
  }

  // A phrase for one node; nested groups of several items are put in parentheses so that the sentence stays readable.
  function phrase(node, nested) {
    if (node.type === 'course') {
      return (text(node.course) || 'a course not chosen yet') + grade(node.minGrade);
    }
    let inner;
    let several = false;
    if (node.type === 'credits') {
      inner = creditWords(node);
    } else {
      const parts = node.items.map((item) => phrase(item, true));
      const count = Number(text(node.count));
      several = parts.length > 1;
      if (parts.length === 0) {
        inner = 'nothing yet';
      } else if (parts.length === 1 && (node.type !== 'choose' || count === 1)) {
        inner = parts[0];
      } else if (node.type === 'all' || (node.type === 'choose' && count >= parts.length)) {
        inner = 'all of: ' + list(parts, 'and');
      } else if (node.type === 'any') {
        inner = 'any one of: ' + list(parts, 'or');
      } else {
        inner = 'any ' + (text(node.count) || '?') + ' of: ' + list(parts, 'or');
      }
    }
    const label = node.type === 'any' ? '' : text(node.label);
    if (!nested) {
      return inner;
    }
    if (label !== '') {
      return label + ' (' + inner + ')';
    }
    return several ? '(' + inner + ')' : inner;
  }

  function sentence(rule, kind, fieldLabel) {
    if (rule === null) {
      return kind === 'PROGRAM'
        ? 'No requirements yet: a program needs at least one.'
        : 'No ' + fieldLabel.toLowerCase() + '.';
    }
    const label = rule.type === 'any' ? '' : text(rule.label);
    return (label === '' ? 'Complete ' : label + ': complete ') + phrase(rule, false) + '.';
  }

  window.CredoRules = { readRule: readRule, clean: clean, sentence: sentence, subjectList: subjectList, isGroup: isGroup, text: text };
})();
