// Kiosk progressive enhancement (issue 6 §3 "Kiosk"); every page works without it.
// 1. The inactivity reset: after KIOSK_IDLE without a touch or key, warn; then finish (POST) or go home.
//    (Without JavaScript a <noscript> meta refresh does the going home.)
// 2. The camera: where BarcodeDetector reads QR codes, a button scans the receipt's QR into the code field.
(() => {
  const idle = Number(document.body.dataset.kioskIdle || '300') * 1000;
  let timer = 0;
  let warned = false;
  const home = () => {
    const finish = document.querySelector('form[data-kiosk-finish]');
    if (finish) {
      finish.submit();
    } else {
      location.assign('/kiosk');
    }
  };
  const warning = document.createElement('div');
  warning.className = 'kiosk-warning';
  warning.setAttribute('role', 'alert');
  const arm = () => {
    clearTimeout(timer);
    warning.remove();
    if (warned) {
      warned = false;
      // Renew the session cookie for the citizen who is still here.
      fetch('/kiosk/giu-phien', { credentials: 'same-origin' }).catch(() => {});
    }
    timer = setTimeout(() => {
      warned = true;
      warning.textContent = document.body.dataset.kioskWarning || '';
      document.body.append(warning);
      timer = setTimeout(home, 30000);
    }, idle - 35000);
  };
  for (const type of ['pointerdown', 'keydown', 'input']) {
    addEventListener(type, arm, { passive: true });
  }
  arm();

  // Print buttons (the kiosk's printer): hidden without script, where the browser's own print is at hand.
  for (const button of document.querySelectorAll('[data-kiosk-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => print());
  }

  const start = document.querySelector('[data-kiosk-camera]');
  const video = document.querySelector('[data-kiosk-video]');
  if (!start || !video || !('BarcodeDetector' in window) || !navigator.mediaDevices) {
    return;
  }
  start.hidden = false;
  start.addEventListener('click', async () => {
    const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    const look = async () => {
      const [found] = await detector.detect(video).catch(() => []);
      if (!found) {
        requestAnimationFrame(look);
        return;
      }
      for (const track of stream.getTracks()) {
        track.stop();
      }
      const form = start.closest('form');
      form.querySelector('input[name="code"]').value = found.rawValue;
      form.submit();
    };
    await look();
  });
})();
