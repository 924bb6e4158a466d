// Repbook's own small script. Pages work without it; it adds conveniences only.
"use strict";
document.documentElement.classList.add("js");
document.addEventListener("click", (event) => {
  const target = event.target.closest("[data-confirm]");
  if (target && !window.confirm(target.dataset.confirm)) {
    event.preventDefault();
  }
});

// Rest timer: counts down to an absolute time, so it stays right after the phone sleeps. It shows
// only while the rest runs; when it is over it vibrates and beeps once (where the browser lets a
// page do that) and goes away.
(() => {
  const timer = document.getElementById("rest-timer");
  if (!timer) return;
  const key = `repbook-rest-${timer.dataset.workout}`;
  const clock = timer.querySelector(".rest-clock");
  let until = Number(localStorage.getItem(key)) || Number(timer.dataset.restUntil) || 0;
  if (Number(timer.dataset.restUntil) > until) until = Number(timer.dataset.restUntil);
  // A rest that was over before the page loaded was alerted on the page that counted it.
  let alerted = until <= Date.now();

  const alert = () => {
    if (navigator.vibrate) navigator.vibrate([200, 100, 200]);
    try {
      const audio = new AudioContext();
      const tone = audio.createOscillator();
      tone.frequency.value = 880;
      tone.connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.35);
    } catch (error) { /* no audio here: the vibration or the bar going away says it */ }
  };

  const render = () => {
    const left = Math.ceil((until - Date.now()) / 1000);
    if (left <= 0) {
      timer.hidden = true;
      if (until && !alerted) { alerted = true; alert(); }
      return;
    }
    timer.hidden = false;
    clock.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
  };

  timer.addEventListener("click", (event) => {
    const adjust = event.target.closest("[data-rest-adjust]");
    if (adjust) until += Number(adjust.dataset.restAdjust) * 1000;
    // Skipped, or cut below zero: the lifter ended the rest, so nothing needs to alert them.
    if (event.target.closest("[data-rest-stop]") || until <= Date.now()) { until = 0; alerted = true; }
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
