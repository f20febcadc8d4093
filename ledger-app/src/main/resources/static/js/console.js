// The console's little behaviour: copy buttons, rows added to allocation and contributor tables.
document.addEventListener('click', function (e) {
    var copy = e.target.closest('[data-copy]');
    if (copy) {
        var text = document.getElementById(copy.getAttribute('data-copy')).textContent.trim();
        navigator.clipboard.writeText(text).then(function () {
            copy.textContent = copy.getAttribute('data-copied');
        });
    }
    var add = e.target.closest('[data-add-row]');
    if (add) {
        var body = document.getElementById(add.getAttribute('data-add-row'));
        var row = body.rows[body.rows.length - 1].cloneNode(true);
        row.querySelectorAll('input').forEach(function (input) {
            if (input.type === 'checkbox') { input.checked = false; } else { input.value = ''; }
            input.name = input.name.replace(/\[(\d+)\]/, function (m, i) { return '[' + body.rows.length + ']'; });
            if (input.type === 'checkbox') { input.value = 'true'; }
        });
        body.appendChild(row);
        row.querySelector('input').focus();
    }
});
