// Repbook at the gym without a network: registers the service worker (/sw.js) and keeps every set
// logged while offline in an outbox on the phone (IndexedDB), shown at once as "not yet sent" and
// sent in order, through the API, when the network is back. Each set carries its key (client_id),
// so sending it again, after an answer lost on the way, never logs it twice.
"use strict";
(() => {
  const user = document.body.dataset.user || "";  // who is logged in (base.html), for the outbox
  const workoutMatch = location.pathname.match(/^\/workouts\/(\d+)\/$/);
  const workoutId = workoutMatch ? Number(workoutMatch[1]) : null;
  const RETRY_MS = [2000, 5000, 15000, 30000];  // after a failed send, then every 30 s
  const NOTE_KEY = "repbook-sync-note";

  // --- The service worker: installed on every page, asked to keep the workout's pages. ---------
  // At most every ten minutes (a dozen small requests each time), and at once when the worker
  // first takes over the page; the pages opened in between are kept as they are opened.
  const KEEP_EVERY_MS = 10 * 60 * 1000;
  const keepPages = (now = false) => {
    const last = Number(localStorage.getItem("repbook-kept-at")) || 0;
    if (!now && Date.now() - last < KEEP_EVERY_MS) return;
    if (navigator.onLine && navigator.serviceWorker?.controller) {
      localStorage.setItem("repbook-kept-at", String(Date.now()));
      navigator.serviceWorker.controller.postMessage({ type: "keep-pages" });
    }
  };
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => { /* http on a public host */ });
    navigator.serviceWorker.addEventListener("message", (event) => {
      if (event.data?.type === "kept") document.documentElement.dataset.offlineReady = "1";
    });
    navigator.serviceWorker.addEventListener("controllerchange", () => keepPages(true));
    // A workout page with exercises not kept yet (a new workout, an exercise added): keep now.
    const shape = workoutId === null ? null : `${workoutId}:${document.querySelectorAll("section.entry").length}`;
    if (user && shape && localStorage.getItem("repbook-kept-shape") !== shape && navigator.serviceWorker.controller) {
      localStorage.setItem("repbook-kept-shape", shape);
      keepPages(true);
    } else if (user) {
      keepPages();
    }
  }
  document.addEventListener("submit", (event) => {
    if (event.target.matches("form[action='/logout/']")) {
      navigator.serviceWorker?.controller?.postMessage({ type: "forget-pages" });
    }
  });

  if (!user || !("indexedDB" in window)) return;

  // --- The outbox: one record per set, in the order they were logged (seq). -----------------
  const asPromise = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const database = new Promise((resolve, reject) => {
    const opening = indexedDB.open("repbook", 1);
    opening.onupgradeneeded = () => {
      const store = opening.result.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
      store.createIndex("user", "user");
    };
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error);
  });
  const withStore = async (mode, work) => {
    const transaction = (await database).transaction("outbox", mode);
    const done = new Promise((resolve, reject) => {
      transaction.oncomplete = resolve;
      transaction.onerror = transaction.onabort = () => reject(transaction.error);
    });
    const result = await work(transaction.objectStore("outbox"));
    await done;
    return result;
  };
  const outbox = {
    all: () => withStore("readonly", (store) => asPromise(store.index("user").getAll(user))),
    // Sets the service worker kept from a form it could not send (it knows no user name).
    claim: () => withStore("readwrite", async (store) => {
      for (const record of await asPromise(store.getAll())) {
        if (!record.user) await asPromise(store.put({ ...record, user }));
      }
    }),
    add: (record) => withStore("readwrite", (store) => asPromise(store.add(record))),
    put: (record) => withStore("readwrite", (store) => asPromise(store.put(record))),
    remove: (seq) => withStore("readwrite", (store) => asPromise(store.delete(seq))),
  };

  const newKey = () => {
    if (crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };

  // --- The status line: how many sets wait, and what happened to the ones sent. -------------
  const status = document.createElement("div");
  status.className = "sync-status";
  status.setAttribute("role", "status");
  status.hidden = true;
  status.innerHTML = '<span class="sync-dot" aria-hidden="true"></span><span class="sync-text">'
    + '<strong data-testid="outbox-count"></strong> <span class="sync-detail"></span></span>';
  const main = document.getElementById("main");
  main?.prepend(status);
  const note = document.createElement("p");
  note.className = "sync-note";
  note.setAttribute("role", "status");
  note.dataset.testid = "sync-note";
  note.hidden = true;
  main?.prepend(note);

  let pending = [];
  let state = "idle";  // idle | sending | login
  const plural = (n) => `${n} set${n === 1 ? "" : "s"}`;
  const showStatus = () => {
    const count = pending.length;
    const offline = !navigator.onLine;
    status.hidden = count === 0 && !offline;
    status.classList.toggle("offline", offline);
    const [headline, detail] =
      count === 0 ? ["Offline", "Sets you log are kept on this phone."]
      : state === "login" ? [`${plural(count)} not yet sent`, "Log in again to send them."]
      : offline ? [`${plural(count)} not yet sent`, "Kept on this phone; sent when you are back online."]
      : state === "sending" ? [`Sending ${plural(count)}…`, ""]
      : pending.every((r) => r.refused)
        ? [`${plural(count)} not yet sent`, `Not accepted by the server: edit or delete ${count === 1 ? "it" : "them"} below.`]
      : [`${plural(count)} not yet sent`, "Repbook will try again shortly."];
    status.querySelector("[data-testid=outbox-count]").textContent = offline && count ? `Offline · ${headline}` : headline;
    status.querySelector(".sync-detail").textContent = detail;
  };

  const showNote = () => {
    const text = sessionStorage.getItem(NOTE_KEY);
    note.hidden = !text;
    if (!text) return;
    note.textContent = `${text} `;
    const dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "link";
    dismiss.textContent = "OK";
    dismiss.addEventListener("click", () => { sessionStorage.removeItem(NOTE_KEY); note.hidden = true; });
    note.append(dismiss);
  };

  // --- Unsent sets on the workout page, each with Edit and Delete. ---------------------------
  // The weight as the page words it: a bodyweight exercise's is what was added ("+10 kg"), taken
  // off by an assisting machine ("assisted 22.5 kg") or nothing ("BW").
  const weightWords = (f, bodyweight) => {
    if (!bodyweight) return f.weight ? `${f.weight} ${f.unit}` : "";
    if (!f.weight || Number(f.weight) === 0) return "BW";
    return Number(f.weight) < 0 ? `assisted ${String(f.weight).replace(/^-/, "")} ${f.unit}` : `+${f.weight} ${f.unit}`;
  };

  const amount = (f, bodyweight) => {
    const weight = weightWords(f, bodyweight);
    const done = f.duration_s ? `${f.duration_s} s` : f.distance_m ? `${f.distance_m} m` : weight ? f.reps : `${f.reps} reps`;
    const load = weight ? `${weight} × ` : "";
    const kind = f.set_type && f.set_type !== "working" ? ` (${f.set_type === "warmup" ? "warm-up" : f.set_type})` : "";
    return `${load}${done}${kind}${f.rpe ? ` @ RPE ${f.rpe}` : ""}`;
  };

  const setFormLabels = (form, editing) => {
    if (editing) {
      form.querySelector(".set-number").textContent = "Unsent set";
      form.querySelector(".log-button").textContent = "Save unsent set";
    } else {
      window.repbookLabelForm(form);
    }
    form.querySelector("[data-cancel-edit]")?.remove();
    if (editing) {
      const cancel = document.createElement("button");
      cancel.type = "button";
      cancel.dataset.cancelEdit = "";
      cancel.textContent = "Cancel";
      cancel.addEventListener("click", () => { stopEditing(form); render(); });
      form.querySelector(".log-button").after(cancel);
    }
  };

  const render = () => {
    showStatus();
    if (workoutId === null) return;
    document.querySelectorAll(".pending-sets").forEach((list) => list.remove());
    for (const form of document.querySelectorAll("form[data-log-set]")) {
      const section = form.closest("section.entry");
      const mine = pending.filter((r) => r.workout === workoutId && `entry-${r.entry}` === section.id);
      // Numbered as the page numbers sets: warm-ups apart, then the working sets after those done.
      const counts = { warmup: 0, working: 0 };
      const labelOf = (record) => {
        const warmup = record.fields.set_type === "warmup";
        counts[warmup ? "warmup" : "working"] += 1;
        const label = window.repbookSetLabel(form, warmup);
        form.dataset[warmup ? "warmupsPending" : "workingPending"] = counts[warmup ? "warmup" : "working"];
        return label.charAt(0).toUpperCase() + label.slice(1);
      };
      form.dataset.warmupsPending = 0;
      form.dataset.workingPending = 0;
      if (mine.length) {
        const list = document.createElement("ol");
        list.className = "pending-sets";
        list.setAttribute("aria-label", "Not yet sent");
        mine.forEach((record, index) => {
          const item = document.createElement("li");
          item.dataset.testid = "pending-set";
          item.dataset.seq = record.seq;
          item.innerHTML = '<span class="pending-what"><span class="pending-number"></span> '
            + '<span class="pending-amount"></span><span class="pending-mark"></span></span><span class="pending-tools">'
            + '<button type="button" class="small" data-pending-edit>Edit</button>'
            + '<button type="button" class="small" data-pending-delete>Delete</button></span>';
          item.querySelector(".pending-number").textContent = labelOf(record);
          item.querySelector(".pending-amount").textContent = amount(record.fields, form.dataset.bodyweight === "true");
          item.querySelector(".pending-mark").textContent = record.refused ? `not accepted: ${record.refused}` : "not yet sent";
          item.classList.toggle("refused", Boolean(record.refused));
          list.append(item);
        });
        form.before(list);
      }
      setFormLabels(form, Boolean(form.dataset.editing));
    }
  };

  const refresh = async () => {
    await outbox.claim();
    pending = await outbox.all();
    render();
  };

  const fieldsOf = (form) => {
    const data = new FormData(form);
    const text = (name) => (data.get(name) ?? "").toString().trim();
    return {
      unit: text("unit") || "kg", weight: text("weight"), reps: text("reps"), rpe: text("rpe"),
      rir: text("rir"), set_type: text("set_type") || "working", side: text("side") || "both",
      duration_s: text("duration_s"), distance_m: text("distance_m"), notes: text("notes"),
      felt_pain: data.get("felt_pain") !== null,
    };
  };

  const fillForm = (form, fields) => {
    for (const [name, value] of Object.entries(fields)) {
      const field = form.elements.namedItem(name);
      if (!field || field.type === "hidden") continue;
      if (field.type === "checkbox") field.checked = Boolean(value);
      else field.value = value;
    }
  };

  const kept = new Map();  // form → its values from before an edit of an unsent set
  const stopEditing = (form) => {
    delete form.dataset.editing;
    if (kept.has(form)) fillForm(form, kept.get(form));
    kept.delete(form);
  };

  document.addEventListener("click", async (event) => {
    const item = event.target.closest("[data-testid=pending-set]");
    if (!item) return;
    const record = pending.find((r) => r.seq === Number(item.dataset.seq));
    if (!record) return;
    if (event.target.closest("[data-pending-delete]")) {
      await outbox.remove(record.seq);  // never sent: nothing to undo on the server
      await refresh();
    } else if (event.target.closest("[data-pending-edit]")) {
      const form = document.querySelector(`#entry-${record.entry} form[data-log-set]`);
      if (!form.dataset.editing) kept.set(form, fieldsOf(form));  // the next set's values, for after
      form.dataset.editing = String(record.seq);
      fillForm(form, record.fields);
      render();
      form.querySelector("input:not([type=hidden])")?.focus();
    }
  });

  // A set logged while offline, or behind sets still waiting (they go in order), or the edit of
  // an unsent set, goes to the outbox; otherwise the form is sent as it is, with its key.
  document.addEventListener("submit", async (event) => {
    const form = event.target.closest("form[data-log-set]");
    if (form && workoutId !== null && (form.dataset.editing || !navigator.onLine || pending.length)) {
      event.preventDefault();
      const fields = fieldsOf(form);
      if (form.dataset.editing) {
        const record = pending.find((r) => r.seq === Number(form.dataset.editing));
        stopEditing(form);
        if (record) await outbox.put({ ...record, fields, refused: null });
      } else {
        const key = form.elements.namedItem("client_id");
        await outbox.add({
          user, workout: workoutId, entry: Number(form.closest("section.entry").id.slice(6)),
          exercise: form.dataset.exercise, client_id: key.value, fields,
          performed_at: new Date().toISOString(), refused: null,
        });
        key.value = newKey();  // the next set is another set
        const timer = document.getElementById("rest-timer");
        const rest = Number(form.closest("section.entry").dataset.restS || timer?.dataset.restS);
        if (timer && rest) timer.dispatchEvent(new CustomEvent("repbook:rest", { detail: Date.now() + rest * 1000 }));
      }
      await refresh();
      send();
      return;
    }
    const quick = event.target.closest("form.quick-log");
    if (quick && !navigator.onLine) {
      event.preventDefault();  // the line is read by the server: it waits for the network
      sessionStorage.setItem(NOTE_KEY, "Quick log needs the network: log with the set forms below while offline.");
      showNote();
    }
  });

  // --- Sending, in order; one tab at a time. -----------------------------------------------
  const csrfToken = () => document.cookie.match(/(?:^|; )csrftoken=([^;]+)/)?.[1]
    || document.querySelector("input[name=csrfmiddlewaretoken]")?.value || "";
  const orNull = (value) => (value === "" || value === undefined ? null : value);
  const body = (record) => {
    const f = record.fields;
    return {
      exercise: record.exercise, workout: record.workout, client_id: record.client_id,
      performed_at: record.performed_at, unit: f.unit, weight: orNull(f.weight), reps: orNull(f.reps),
      rpe: orNull(f.rpe), rir: orNull(f.rir), set_type: f.set_type, side: f.side,
      duration_s: orNull(f.duration_s), distance_m: orNull(f.distance_m), notes: f.notes, felt_pain: f.felt_pain,
    };
  };
  const detailOf = async (answer) => {
    try {
      const detail = (await answer.json()).detail;
      // {"detail": "one sentence"} or {"detail": [{"field": ..., "message": ...}]} (api/errors.py)
      return typeof detail === "string" ? detail
        : detail.map((d) => (d.field ? `${d.field}: ${d.message}` : d.message)).join("; ");
    } catch (error) {
      return `the server answered ${answer.status}`;
    }
  };

  const sendAll = async () => {
    const outcome = { sent: 0, reopened: 0, moved: new Map(), stopped: null };
    for (const record of await outbox.all()) {
      if (record.refused) continue;  // waits for the lifter's edit or delete
      let answer;
      try {
        answer = await fetch("/api/v1/sets", {
          method: "POST", credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
          body: JSON.stringify(body(record)),
        });
      } catch (error) {
        outcome.stopped = "network";
        break;
      }
      if (answer.status === 200 || answer.status === 201) {
        const stored = await answer.json();
        if (stored.conflict === "reopened") outcome.reopened += 1;
        if (stored.conflict === "moved") outcome.moved.set(stored.workout, (outcome.moved.get(stored.workout) || 0) + 1);
        await outbox.remove(record.seq);
        outcome.sent += 1;
      } else if (answer.status === 401 || answer.status === 403) {
        outcome.stopped = "login";
        break;
      } else if (answer.status === 400 || answer.status === 422) {
        await outbox.put({ ...record, refused: await detailOf(answer) });  // kept, shown, never dropped
      } else {
        outcome.stopped = "server";  // busy (429) or down: try again later
        break;
      }
    }
    return outcome;
  };

  let sending = false;
  let retry = 0;
  let retryTimer = null;
  const send = async () => {
    if (sending || !navigator.onLine || !pending.length) return;
    sending = true;
    state = "sending";
    showStatus();
    clearTimeout(retryTimer);
    let outcome;
    try {
      outcome = navigator.locks
        ? await navigator.locks.request("repbook-outbox", sendAll)
        : await sendAll();
    } finally {
      sending = false;
    }
    state = outcome.stopped === "login" ? "login" : "idle";
    const notes = [];
    if (outcome.reopened) notes.push(`Your workout had been finished meanwhile: it was reopened to keep ${plural(outcome.reopened)}.`);
    for (const [workout, count] of outcome.moved) {
      notes.push(`${plural(count)} belonged to a workout finished or deleted meanwhile: they are kept in workout ${workout}.`);
    }
    if (notes.length) sessionStorage.setItem(NOTE_KEY, notes.join(" "));
    await refresh();
    if (outcome.stopped === "network" || outcome.stopped === "server") {
      retryTimer = setTimeout(send, RETRY_MS[Math.min(retry, RETRY_MS.length - 1)]);
      retry += 1;
    } else {
      retry = 0;
    }
    if (outcome.sent && workoutId !== null) {
      // Show the server's page: the sets in their rows, the next set's prefill, the rest timer.
      const moved = [...outcome.moved.keys()];
      if (moved.length) location.assign(`/workouts/${moved[0]}/`);
      else location.reload();
    } else {
      showNote();
    }
  };

  if (!navigator.onLine) document.querySelectorAll(".messages").forEach((m) => { m.hidden = true; });  // a kept copy's old news
  window.addEventListener("online", () => { retry = 0; showStatus(); send(); keepPages(); });
  window.addEventListener("offline", showStatus);
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") send(); });
  showNote();
  refresh().then(send);
})();
