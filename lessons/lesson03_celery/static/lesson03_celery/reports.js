// Queue a report with the form, then poll its state until a worker is done.
(function () {
  "use strict";
  const form = document.getElementById("report-form");
  const output = document.getElementById("report-status");
  const FINAL = new Set(["SUCCESS", "FAILURE", "REVOKED"]);

  function show(status) {
    const rows = [
      ["Task", status.task_id],
      ["State", status.state],
      ["Queue", status.queue || "(not yet known)"],
      ["Worker", status.worker || "(not yet known)"],
    ];
    if (status.error) rows.push(["Error", status.error]);
    if (status.report) {
      const r = status.report;
      rows.push(["Learners", `${r.learners}, ${r.completed} finished`]);
      rows.push(["Average progress", `${Math.round(r.average_progress * 100)} %`]);
    }
    output.replaceChildren(
      ...rows.map(([label, value]) => {
        const row = document.createElement("tr");
        const th = document.createElement("th");
        const td = document.createElement("td");
        th.textContent = label;
        td.textContent = value;
        if (label === "State") td.dataset.state = value;
        row.append(th, td);
        return row;
      })
    );
  }

  async function poll(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const status = await response.json();
    show(status);
    if (!FINAL.has(status.state)) setTimeout(() => poll(url), 500);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
    });
    const answer = await response.json();
    if (!response.ok) {
      const messages = Object.entries(answer.errors).map(
        ([field, errors]) => `${field}: ${errors.join(" ")}`
      );
      output.replaceChildren();
      const row = document.createElement("tr");
      row.className = "error";
      row.textContent = messages.join("; ");
      output.append(row);
      return;
    }
    poll(answer.status_url);
  });
})();
