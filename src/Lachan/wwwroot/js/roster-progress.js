// The roster page while a preview or commit runs: polls the page's Progress handler and reloads when done.
// A file of its own, not an inline script: the Content-Security-Policy allows scripts from the app only.
(function poll() {
    fetch(location.pathname + '?handler=Progress', { headers: { 'Accept': 'application/json' } })
        .then(r => r.json()).then(s => {
            if (!s.running) { location.reload(); return; }
            document.getElementById('progress').value = s.progress || 0;
            document.getElementById('progress-text').textContent = (s.progress || 0) + '%';
            setTimeout(poll, 700);
        }).catch(() => setTimeout(poll, 2000));
})();
