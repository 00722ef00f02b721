// The public help form (/Help): choosing the commune loads its known lodging houses into the picker, so a worker can
// pick their house (the relief team then knows whether it is locked); the address text stays for everyone else.
(function () {
    'use strict';
    var commune = document.getElementById('Form_CommuneCode');
    var picker = document.getElementById('Form_LodgingHouseId');
    if (!commune || !picker) return;
    function fill(houses) {
        var keep = picker.value;
        while (picker.options.length > 1) picker.remove(1);
        houses.forEach(function (h) {
            var o = document.createElement('option');
            o.value = h.value; o.textContent = h.text;   // textContent: names are shown, never parsed as markup
            if (h.value === keep) o.selected = true;
            picker.appendChild(o);
        });
        picker.disabled = houses.length === 0;
    }
    commune.addEventListener('change', function () {
        if (!commune.value) { fill([]); return; }
        fetch('/Help?handler=Houses&commune=' + encodeURIComponent(commune.value), { credentials: 'same-origin' })
            .then(function (r) { return r.ok ? r.json() : []; })
            .then(fill)
            .catch(function () { fill([]); });
    });
    if (picker.options.length <= 1) picker.disabled = !commune.value;
})();
