// The case form: when a full CCCD (12 digits) is typed, ask the page who it is and fill the identity fields that are
// still empty, so the officer sees at once whom the case is about. The CCCD is posted with the form's antiforgery token
// (never put in a URL); names are set as text, never as HTML.
(function () {
    const form = document.querySelector('form[data-person-lookup]');
    if (!form) return;
    const cccd = form.querySelector('#Form_Cccd');
    const notice = form.querySelector('#person-found');
    let asked = '';

    function fill(id, value) {
        const field = form.querySelector(id);
        if (field && !field.value && value) field.value = value;
    }

    async function lookUp() {
        const value = cccd.value.trim();
        if (!/^\d{12}$/.test(value) || value === asked) return;
        asked = value;
        const body = new FormData();
        body.append('cccd', value);
        body.append('__RequestVerificationToken', form.querySelector('input[name="__RequestVerificationToken"]').value);
        try {
            const response = await fetch(form.dataset.personLookup, { method: 'POST', body, headers: { 'Accept': 'application/json' } });
            if (value !== cccd.value.trim() || !(response.ok || response.status === 404)) return;
            if (response.ok) {
                const person = await response.json();
                fill('#Form_FullName', person.fullName);
                fill('#Form_DateOfBirth', person.dateOfBirth);
                fill('#Form_Sex', person.sex);
                notice.textContent = notice.dataset.found.replace('{0}', person.fullName).replace('{1}', person.dateOfBirth);
            } else {
                notice.textContent = notice.dataset.unknown;
            }
            notice.hidden = false;
        } catch {
            asked = '';   // offline or refused: the server still resolves the CCCD when the form is saved
        }
    }

    cccd.addEventListener('input', lookUp);
    cccd.addEventListener('change', lookUp);
    lookUp();
})();
