// OSV: keyboard use of the entry forms, confirmations, and filtering long tables. No libraries.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // The progress page reloads itself (for a projector); the page says how often.
  const refresh = document.querySelector("[data-ververs]");
  if (refresh) setTimeout(() => window.location.reload(), 1000 * Number(refresh.dataset.ververs));
  // Enter moves to the next box or question, Shift+Enter back, Enter on the last one saves.
  // A question is one row of the form (its yes and no ticks, or its options): Enter goes to the
  // next question, not to the next option of the same one (Tab and the arrow keys move within).
  const entry = (input) => input.closest("tr") || input;
  const inputs = (form) => Array.from(form.querySelectorAll("input:not([type=hidden]), select"));
  const stops = (form) => {
    const seen = new Map();
    for (const input of inputs(form)) {
      const stop = entry(input);
      if (!seen.has(stop)) seen.set(stop, input);
      if (input.type === "radio" && input.checked) seen.set(stop, input); // the chosen option
    }
    return Array.from(seen.entries());
  };
  for (const form of document.querySelectorAll("form[data-enter-next]")) {
    const first = stops(form)[0];
    if (first && !document.activeElement.matches("input, select, button")) first[1].focus();
    form.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" || event.target.tagName === "BUTTON") return;
      event.preventDefault();
      if (event.ctrlKey || event.metaKey) { form.requestSubmit(); return; }
      const list = stops(form);
      const at = list.findIndex(([stop]) => stop === entry(event.target));
      const next = list[at + (event.shiftKey ? -1 : 1)];
      if (next) { next[1].focus(); if (next[1].select) next[1].select(); } else if (!event.shiftKey) form.requestSubmit();
    });
  }
  // After a save the page says where to go on: the first marked box, the tick box "Ik heb mijn
  // invoer gecontroleerd" when only that is left, or "Invoer afronden" on the last page.
  const marked = document.querySelector("[data-focus]");
  const dialog = document.getElementById("uitleg-sneltoetsen");
  if (marked && !(dialog && dialog.open)) { marked.focus(); if (marked.select) marked.select(); }
  // The explanation of the shortcuts (entry pages): modal, open until confirmed once, "?" and
  // the link "Uitleg sneltoetsen" open it again. Closing returns to the box the typist was in,
  // or the first box. Confirming is posted in the background, so typed boxes stay.
  const explanation = document.getElementById("uitleg-sneltoetsen");
  if (explanation) {
    const entry = document.querySelector("form[data-enter-next]");
    const boxes = () => entry ? Array.from(entry.querySelectorAll("input:not([type=hidden]), select")) : [];
    let back = null;
    const open = () => {
      if (explanation.matches(":modal")) return;
      back = boxes().includes(document.activeElement) ? document.activeElement : null;
      if (explanation.open) explanation.close(); // shown in the page without JavaScript
      explanation.showModal();
    };
    explanation.addEventListener("close", () => {
      if (explanation.open) return; // the close() in open() above, just before showModal()
      const target = back || document.querySelector("[data-focus]") || boxes()[0] || document.getElementById("afronden");
      back = null;
      if (target) { target.focus(); if (target.select) target.select(); }
    });
    const form = explanation.querySelector("form");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (explanation.dataset.bevestigd !== "ja") {
        fetch(form.action, {
          method: "POST", body: new URLSearchParams(new FormData(form)),
          credentials: "same-origin", redirect: "manual", keepalive: true,
        });
        explanation.dataset.bevestigd = "ja";
      }
      explanation.close();
    });
    for (const link of document.querySelectorAll("a[data-uitleg]")) {
      link.addEventListener("click", (event) => { event.preventDefault(); open(); });
    }
    // "?" opens it, except where "?" can be typed: a text box that is not a number box.
    const typesText = (element) => element.isContentEditable || element.tagName === "TEXTAREA"
      || (element.tagName === "INPUT" && element.inputMode !== "numeric"
          && ["text", "search", "email", "url", "tel", "password"].includes(element.type));
    document.addEventListener("keydown", (event) => {
      if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey) return;
      if (explanation.open || typesText(event.target)) return;
      event.preventDefault();
      open();
    });
    if (explanation.open) open();
  }
  // "Terug" on an error page: the page before it (the link itself goes to the start page).
  for (const link of document.querySelectorAll("a[data-terug]")) {
    link.addEventListener("click", (event) => {
      if (window.history.length > 1) { event.preventDefault(); window.history.back(); }
    });
  }
  for (const button of document.querySelectorAll("button[data-confirm]")) {
    button.addEventListener("click", (event) => {
      if (!window.confirm(button.dataset.confirm)) event.preventDefault();
    });
  }
  for (const input of document.querySelectorAll("input.zoek")) {
    const table = document.getElementById(input.dataset.tabel);
    input.addEventListener("input", () => {
      const text = input.value.trim().toLowerCase();
      for (const row of table.tBodies[0].rows) {
        row.hidden = text !== "" && !row.textContent.toLowerCase().includes(text);
      }
    });
  }
});
