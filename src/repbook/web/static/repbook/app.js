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
  // A set logged offline (offline.js) starts the rest here; the end time is kept like any other.
  timer.addEventListener("repbook:rest", (event) => {
    until = event.detail;
    alerted = false;
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

// Plate helper: follows a barbell exercise's weight field as it is typed. The rule is core's
// (core/plates.py: heaviest plates first, never above the weight; core/warmup.py: the bar × 10,
// then 40, 60 and 80 % rounded down to the step), worded as services/plate_words.py words it; a
// browser test holds this script to core's answers for many weights in kg and lb.
(() => {
  const SCALE = 10000;  // weights as whole ten-thousandths: sums and comparisons stay exact
  const MAX = 5000 * SCALE;  // core.plates.MAX_CALCULATOR_WEIGHT
  const RAMP = [[4, 5], [6, 3], [8, 1]];  // core.warmup.DEFAULT_RAMP: tenths of the weight, reps
  const BAR_REPS = 10;  // core.warmup.BAR_REPS
  const scaled = (text) => Math.round(Number(text) * SCALE);
  const plain = (n) => String(n / SCALE);

  const platesPerSide = (target, bar, plates) => {
    let left = target - bar;  // both sides together
    const chosen = [];
    for (const plate of [...new Set(plates)].filter((p) => p > 0).sort((a, b) => b - a)) {
      while (left >= 2 * plate) { chosen.push(plate); left -= 2 * plate; }
    }
    return { perSide: chosen, total: bar + 2 * chosen.reduce((a, b) => a + b, 0), target };
  };

  const warmupRamp = (working, bar, step) => {
    if (working <= bar) return [];
    const ramp = [[bar, BAR_REPS]];
    for (const [tenths, reps] of RAMP) {
      const share = working * tenths;  // ten times the weight, still whole
      const weight = step > 0 ? Math.max(0, Math.floor(share / (10 * step)) * step) : Math.round(share / 10);
      if (weight > ramp[ramp.length - 1][0] && weight < working) ramp.push([weight, reps]);
    }
    return ramp;
  };

  const show = (helper, typed) => {
    const weight = scaled(typed);
    if (!typed || !Number.isFinite(weight) || weight <= 0 || weight > MAX) { helper.hidden = true; return; }
    const unit = helper.dataset.unit;
    const bar = scaled(helper.dataset.bar);
    const load = platesPerSide(weight, bar, helper.dataset.plates.split(" ").map(scaled));
    const ramp = warmupRamp(weight, bar, scaled(helper.dataset.step));
    const closest = helper.querySelector("[data-testid=plates-closest]");
    const warmup = helper.querySelector("[data-testid=warmup]");
    helper.querySelector("[data-plate-weight]").textContent = typed;
    helper.querySelector("[data-testid=plates-per-side]").textContent =
      load.perSide.map(plain).join(" + ") || "nothing (empty bar)";
    closest.hidden = load.total === load.target;
    closest.textContent = load.total > load.target
      ? `Less than the empty bar (${plain(load.total)} ${unit})`
      : `Closest below: ${plain(load.total)} ${unit}`;
    warmup.hidden = ramp.length === 0;
    warmup.querySelector("[data-testid=warmup-ramp]").textContent =
      ramp.map(([w, reps]) => `${plain(w)} × ${reps}`).join(", ");
    helper.hidden = false;
  };

  document.addEventListener("input", (event) => {
    const field = event.target.closest("form[data-log-set] input[name=weight]");
    const helper = field && field.closest("section.entry")?.querySelector("[data-plate-helper]");
    if (helper) show(helper, field.value.trim());
  });
})();

// Sets are counted as a lifter counts them: warm-ups apart from the working sets. The form's
// heading and button name the set it logs ("Set 1", "Log warm-up 3") from the sets done, those
// still waiting to be sent (offline.js sets data-warmups-pending and data-working-pending) and the
// type chosen; they follow a changed type.
window.repbookSetLabel = (form, warmup) => {
  const [done, waiting] = warmup ? ["warmupsDone", "warmupsPending"] : ["workingDone", "workingPending"];
  const number = Number(form.dataset[done] || 0) + Number(form.dataset[waiting] || 0) + 1;
  return `${warmup ? "warm-up" : "set"} ${number}`;
};
window.repbookLabelForm = (form) => {
  const select = form.querySelector("select[name=set_type]");
  const label = window.repbookSetLabel(form, select !== null && select.value === "warmup");
  const heading = form.querySelector(".set-number");
  const button = form.querySelector(".log-button");
  if (heading) heading.textContent = label.charAt(0).toUpperCase() + label.slice(1);
  if (button) button.textContent = `Log ${label}`;
};
document.addEventListener("change", (event) => {
  const select = event.target;
  if (!(select instanceof HTMLSelectElement) || select.name !== "set_type") return;
  const form = select.closest("form[data-log-set]");
  if (form && !form.dataset.editing) window.repbookLabelForm(form);
});
