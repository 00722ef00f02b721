// The volunteer's deliveries (Relief/Requests/Deliveries): each entry gets an idempotency key when it is written and
// goes into a queue kept in localStorage; the queue is sent entry by entry, now if online, else when the connection
// returns (and at the next visit). The server records a key once, so a resend after a lost answer counts once.
(function () {
    'use strict';
    var KEY = 'lachan.relief.deliveries';
    var status = document.getElementById('delivery-sync');
    var forms = document.querySelectorAll('form.delivery-form');
    var token = document.querySelector('input[name="__RequestVerificationToken"]');
    var sending = false;

    function load() { try { return JSON.parse(localStorage.getItem(KEY) || '[]'); } catch (e) { return []; } }
    function save(q) { localStorage.setItem(KEY, JSON.stringify(q)); }
    function newKey() {
        if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
        var b = new Uint8Array(16); crypto.getRandomValues(b);
        return Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
    }
    // the province's day the page was loaded on (a demo may live in 2021); the phone's own date only as a fallback
    function today() {
        if (status && status.dataset.today) return status.dataset.today;
        var d = new Date();
        return d.getFullYear() + '-' + ('0' + (d.getMonth() + 1)).slice(-2) + '-' + ('0' + d.getDate()).slice(-2);
    }
    function show() {
        if (!status) return;
        var n = load().length;
        status.textContent = n > 0 ? status.dataset.queued.replace('{0}', n) : (navigator.onLine ? '' : status.dataset.offline);
        status.dataset.waiting = String(n);
    }
    function done(requestId) {
        var form = document.querySelector('form.delivery-form[data-request="' + requestId + '"]');
        if (form) { form.closest('section').classList.add('done'); form.remove(); }
    }

    function flush() {
        if (sending || !navigator.onLine || !token) return;
        var q = load();
        if (q.length === 0) { show(); return; }
        sending = true;
        var entry = q[0];
        var body = new URLSearchParams({
            RequestId: entry.requestId, Key: entry.key, PointId: entry.pointId || '', Confirmation: entry.confirmation,
            DeliveredOn: entry.deliveredOn, __RequestVerificationToken: token.value
        });
        Object.keys(entry.quantities || {}).forEach(function (item) { body.append('Quantities[' + item + ']', entry.quantities[item]); });
        fetch('/Relief/Requests/Deliveries?handler=Record', { method: 'POST', body: body, credentials: 'same-origin' })
            .then(function (r) {
                if (r.ok || r.status === 400 || r.status === 404 || r.status === 403) {
                    // answered: taken off the queue (a refusal is shown on the form, if it is still on the page)
                    save(load().filter(function (e) { return e.key !== entry.key; }));
                    if (r.ok) done(entry.requestId);
                    else return r.json().catch(function () { return {}; }).then(function (j) { showErrors(entry.requestId, j.errors); });
                }
                else throw new Error('status ' + r.status);
            })
            .then(function () { sending = false; show(); flush(); })
            .catch(function () { sending = false; show(); });   // offline or the server is away: kept for later
    }
    function showErrors(requestId, errors) {
        var form = document.querySelector('form.delivery-form[data-request="' + requestId + '"]');
        if (!form || !errors) return;
        form.querySelector('button').disabled = false;
        form.querySelector('[data-error]').textContent = Object.keys(errors).map(function (k) { return errors[k]; }).join(' ');
    }

    Array.prototype.forEach.call(forms, function (form) {
        form.addEventListener('submit', function (ev) {
            ev.preventDefault();
            var q = load();
            var quantities = {};
            Array.prototype.forEach.call(form.querySelectorAll('input[data-item]'), function (i) {
                if (i.value && i.value !== '0') quantities[i.dataset.item] = i.value;
            });
            q.push({
                key: newKey(), requestId: form.dataset.request, pointId: form.elements.PointId ? form.elements.PointId.value : '',
                quantities: quantities, confirmation: form.elements.Confirmation.value, deliveredOn: today()
            });
            save(q);
            form.querySelector('[data-error]').textContent = '';
            form.querySelector('button').disabled = true;
            show();
            flush();
        });
    });
    window.addEventListener('online', flush);
    window.addEventListener('offline', show);
    setInterval(flush, 15000);
    // entries already answered stay off the page; entries still queued show as waiting
    load().forEach(function (e) { var f = document.querySelector('form.delivery-form[data-request="' + e.requestId + '"] button'); if (f) f.disabled = true; });
    show();
    flush();
})();
