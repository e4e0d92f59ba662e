// OSV: keyboard use of the entry forms, confirmations, and filtering long tables. No libraries.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // The progress page reloads itself (for a projector); the page says how often.
  const refresh = document.querySelector("[data-ververs]");
  if (refresh) setTimeout(() => window.location.reload(), 1000 * Number(refresh.dataset.ververs));
  for (const form of document.querySelectorAll("form[data-enter-next]")) {
    const fields = () => Array.from(form.querySelectorAll("input:not([type=hidden]), select"));
    const first = fields()[0];
    if (first && !document.activeElement.matches("input, select, button")) first.focus();
    form.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" || event.target.tagName === "BUTTON") return;
      event.preventDefault();
      if (event.ctrlKey || event.metaKey) { form.requestSubmit(); return; }
      const list = fields();
      const at = list.indexOf(event.target);
      const next = list[at + (event.shiftKey ? -1 : 1)];
      if (next) { next.focus(); if (next.select) next.select(); } else if (!event.shiftKey) form.requestSubmit();
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
