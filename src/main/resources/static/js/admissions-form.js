// Shows and hides the conditional questions of an application form as answers change. The server evaluates the
// same conditions again when the answers are saved, and drops answers to questions that are hidden.
(function () {
  function answer(form, key) {
    var question = document.getElementById('question-' + key);
    if (question && question.hidden) {
      return '';
    }
    var inputs = form.querySelectorAll('[name="a.' + key + '"]');
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      if (input.type === 'radio') {
        if (input.checked) {
          return input.value;
        }
      } else {
        return input.value;
      }
    }
    return '';
  }

  function update(form) {
    form.querySelectorAll('.question').forEach(function (question) {
      var field = question.getAttribute('data-show-if');
      if (!field) {
        return;
      }
      var wanted = (question.getAttribute('data-show-equals') || '').trim().toLowerCase();
      question.hidden = answer(form, field).trim().toLowerCase() !== wanted;
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-conditional-form]').forEach(function (form) {
      form.addEventListener('change', function () { update(form); });
      form.addEventListener('input', function () { update(form); });
      update(form);
    });
  });
})();
