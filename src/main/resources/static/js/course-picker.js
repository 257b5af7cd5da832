// The course picker of the rule builder (ADR 31): every input[role=combobox] in a container is an ARIA combobox
// whose listbox htmx fills with the organization's courses that match what was typed (an HTML fragment of options).
// Arrow keys move through the options, Enter chooses, Escape closes; a polite live region says how many matched.
(function () {
  'use strict';

  const SEARCH_DELAY_MS = 250;

  class CoursePicker {
    /**
     * container: where the comboboxes are (they may be redrawn at any time); searchUrl: the options endpoint;
     * say(message): announces; chosen(input, code): called when an option is chosen.
     */
    constructor(container, searchUrl, say, chosen) {
      this.container = container;
      this.searchUrl = searchUrl;
      this.say = say;
      this.chosen = chosen;
      this.searchTimer = null;
      container.addEventListener('input', (event) => {
        if (event.target.getAttribute('role') === 'combobox') {
          this.scheduleSearch(event.target);
        }
      });
      container.addEventListener('keydown', (event) => this.onKeydown(event));
      container.addEventListener('focusout', (event) => this.onFocusout(event));
      // Keeps the focus in the course field while an option is clicked.
      container.addEventListener('mousedown', (event) => {
        if (event.target.closest('[role="listbox"]')) {
          event.preventDefault();
        }
      });
      container.addEventListener('click', (event) => {
        const option = event.target.closest('[role="option"]');
        if (!option) {
          return;
        }
        const listbox = option.closest('[role="listbox"]');
        const input = container.querySelector('[aria-controls="' + listbox.id + '"]');
        if (input && option.getAttribute('aria-disabled') !== 'true') {
          this.choose(input, option);
        }
      });
    }

    listboxOf(input) {
      return document.getElementById(input.getAttribute('aria-controls'));
    }

    scheduleSearch(input) {
      window.clearTimeout(this.searchTimer);
      this.searchTimer = window.setTimeout(() => this.search(input), SEARCH_DELAY_MS);
    }

    search(input) {
      const listbox = this.listboxOf(input);
      const query = input.value.trim();
      if (!listbox || query === '' || !window.htmx || !this.searchUrl) {
        this.close(input);
        return;
      }
      window.htmx
        .ajax('GET', this.searchUrl + '?q=' + encodeURIComponent(query), { source: listbox, target: listbox, swap: 'innerHTML' })
        .then(() => this.open(input, listbox, query));
    }

    open(input, listbox, query) {
      if (!input.isConnected || document.activeElement !== input || input.value.trim() !== query) {
        return;
      }
      const options = Array.from(listbox.querySelectorAll('[role="option"]'));
      options.forEach((option, i) => {
        option.id = listbox.id + '-' + i;
        option.setAttribute('aria-selected', 'false');
      });
      const choosable = options.filter((o) => o.getAttribute('aria-disabled') !== 'true');
      listbox.hidden = options.length === 0;
      input.setAttribute('aria-expanded', String(options.length > 0));
      input.removeAttribute('aria-activedescendant');
      if (choosable.length === 0) {
        this.say('No course in the catalog matches “' + query + '”.');
      } else {
        this.say(choosable.length + (choosable.length === 1 ? ' course matches' : ' courses match')
          + '; use the arrow keys to choose.');
      }
    }

    close(input) {
      const listbox = this.listboxOf(input);
      if (listbox) {
        listbox.hidden = true;
      }
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }

    highlight(input, step) {
      const listbox = this.listboxOf(input);
      const options = Array.from(listbox.querySelectorAll('[role="option"]'))
        .filter((o) => o.getAttribute('aria-disabled') !== 'true');
      if (options.length === 0) {
        return;
      }
      const current = options.findIndex((o) => o.id === input.getAttribute('aria-activedescendant'));
      const next = current < 0 ? (step > 0 ? 0 : options.length - 1) : (current + step + options.length) % options.length;
      options.forEach((o, i) => {
        o.setAttribute('aria-selected', String(i === next));
        o.classList.toggle('active', i === next);
      });
      input.setAttribute('aria-activedescendant', options[next].id);
      options[next].scrollIntoView({ block: 'nearest' });
    }

    choose(input, option) {
      const code = option.dataset.code;
      input.value = code;
      this.close(input);
      this.chosen(input, code);
      this.say(option.textContent.replace(/\s+/g, ' ').trim() + ' chosen.');
    }

    onKeydown(event) {
      const input = event.target;
      if (input.getAttribute('role') !== 'combobox') {
        return;
      }
      const listbox = this.listboxOf(input);
      const isOpen = listbox && !listbox.hidden;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (!isOpen) {
          window.clearTimeout(this.searchTimer);
          this.search(input);
          return;
        }
        this.highlight(input, event.key === 'ArrowDown' ? 1 : -1);
      } else if (event.key === 'Enter' && isOpen) {
        const active = input.getAttribute('aria-activedescendant');
        if (active) {
          event.preventDefault();
          this.choose(input, document.getElementById(active));
        }
      } else if (event.key === 'Escape' && isOpen) {
        event.preventDefault();
        this.close(input);
      }
    }

    onFocusout(event) {
      const input = event.target;
      if (input.getAttribute && input.getAttribute('role') === 'combobox') {
        window.clearTimeout(this.searchTimer);
        this.close(input);
      }
    }
  }

  window.CredoCoursePicker = CoursePicker;
})();
