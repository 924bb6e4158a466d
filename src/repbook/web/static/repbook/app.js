// Repbook's own small script. Pages work without it; it adds conveniences only.
"use strict";
document.documentElement.classList.add("js");
document.addEventListener("click", (event) => {
  const target = event.target.closest("[data-confirm]");
  if (target && !window.confirm(target.dataset.confirm)) {
    event.preventDefault();
  }
});

// Rest timer: counts down to an absolute time, so it stays right after the phone sleeps.
(() => {
  const timer = document.getElementById("rest-timer");
  if (!timer) return;
  const key = `repbook-rest-${timer.dataset.workout}`;
  const clock = timer.querySelector(".rest-clock");
  let until = Number(localStorage.getItem(key)) || Number(timer.dataset.restUntil) || 0;
  if (Number(timer.dataset.restUntil) > until) until = Number(timer.dataset.restUntil);
  let alerted = false;

  const beep = () => {
    try {
      const audio = new AudioContext();
      const tone = audio.createOscillator();
      tone.frequency.value = 880;
      tone.connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.35);
    } catch (error) { /* no audio here: the visual timer is enough */ }
    if (navigator.vibrate) navigator.vibrate([200, 100, 200]);
  };

  const render = () => {
    const left = Math.round((until - Date.now()) / 1000);
    if (!until || left < -600) { timer.hidden = true; return; }
    timer.hidden = false;
    timer.classList.toggle("done", left <= 0);
    const shown = Math.abs(left);
    clock.textContent = `${left < 0 ? "+" : ""}${Math.floor(shown / 60)}:${String(shown % 60).padStart(2, "0")}`;
    if (left <= 0 && !alerted) { alerted = true; beep(); }
  };

  timer.addEventListener("click", (event) => {
    const adjust = event.target.closest("[data-rest-adjust]");
    if (adjust) { until += Number(adjust.dataset.restAdjust) * 1000; alerted = false; }
    if (event.target.closest("[data-rest-stop]")) until = 0;
    localStorage.setItem(key, String(until));
    render();
  });
  document.addEventListener("visibilitychange", render);
  render();
  setInterval(render, 500);
})();

// Long form posts (imports): show that work is under way and keep the button from a second press.
document.addEventListener("submit", (event) => {
  const form = event.target.closest("form[data-busy]");
  if (!form) return;
  const busy = form.querySelector(".busy");
  if (busy) {
    busy.hidden = false;
    busy.querySelector("span").textContent = form.dataset.busy;
  }
  form.querySelectorAll("button[type=submit]").forEach((button) => {
    setTimeout(() => { button.disabled = true; }, 0);  // after the pressed button's value is sent
  });
});
