// Waiting-room board: /board/?department=<uuid>. Plain EventSource on the gateway's public board stream
// (ticket, status and room only). The board snapshot comes first, then one "ticket" event per change; a
// gap in the sequence, or a heartbeat ahead of what was seen, means something was missed: reconnect, which
// starts again from a fresh board.
(function () {
  "use strict";

  var ACTIVE = { ARRIVED: true, TRIAGED: true, CALLED: true, IN_CONSULTATION: true };
  var WAITING = { ARRIVED: true, TRIAGED: true };
  var SILENCE_MS = 60000; // heartbeats come every 15 s by default; this long without anything: reconnect

  var department = new URLSearchParams(location.search).get("department");
  var statusLine = document.getElementById("status");
  var source = null;
  var tickets = {};      // ticket -> {status, room, calledAt}
  var sequence = null;   // last sequence applied
  var watchdog = null;

  if (!department || !/^[0-9a-fA-F-]{36}$/.test(department)) {
    statusLine.textContent = "Add ?department=<department id> to the address.";
    return;
  }

  function connect() {
    if (source) {
      source.close();
    }
    sequence = null;
    statusLine.textContent = "Connecting…";
    source = new EventSource("/api/v1/public/boards/" + encodeURIComponent(department) + "/stream");
    source.addEventListener("board", function (e) { alive(); showBoard(JSON.parse(e.data)); });
    source.addEventListener("ticket", function (e) { alive(); applyTicket(JSON.parse(e.data)); });
    source.addEventListener("heartbeat", function (e) {
      alive();
      var latest = JSON.parse(e.data).sequences[department];
      if (sequence !== null && latest !== undefined && latest > sequence) {
        connect();
      }
    });
    source.addEventListener("error", function (e) {
      // Both the server's "error" event (with data) and a lost connection; EventSource reconnects by itself.
      statusLine.textContent = e.data ? "Board unavailable, retrying…" : "Reconnecting…";
    });
    alive();
  }

  function alive() {
    clearTimeout(watchdog);
    watchdog = setTimeout(connect, SILENCE_MS);
  }

  function showBoard(board) {
    document.getElementById("department").textContent = board.department || "Waiting room";
    tickets = {};
    (board.tickets || []).forEach(function (t, i) {
      tickets[t.ticket] = { status: t.status, room: t.room, calledAt: -i };
    });
    sequence = board.sequence;
    statusLine.textContent = "";
    render();
  }

  function applyTicket(item) {
    if (sequence === null || item.sequence <= sequence) {
      return; // before the board, or already in it
    }
    if (item.sequence > sequence + 1) {
      connect(); // a gap: start again from a fresh board
      return;
    }
    sequence = item.sequence;
    if (!item.ticket) {
      return;
    }
    if (ACTIVE[item.status]) {
      var previous = tickets[item.ticket];
      var calledAt = item.status === "CALLED" && (!previous || previous.status !== "CALLED")
        ? item.sequence : (previous ? previous.calledAt : 0);
      tickets[item.ticket] = { status: item.status, room: item.room, calledAt: calledAt };
    } else {
      delete tickets[item.ticket];
    }
    render();
  }

  function render() {
    var names = Object.keys(tickets);
    var calling = names.filter(function (n) { return tickets[n].status === "CALLED"; })
      .sort(function (a, b) { return tickets[b].calledAt - tickets[a].calledAt; });
    var waiting = names.filter(function (n) { return WAITING[tickets[n].status]; }).sort();
    fill("calling", calling, function (li, n) {
      var ticket = document.createElement("span");
      ticket.textContent = n;
      var room = document.createElement("span");
      room.className = "room";
      room.textContent = tickets[n].room || "";
      li.appendChild(ticket);
      li.appendChild(room);
    });
    fill("waiting", waiting, function (li, n) { li.textContent = n; });
  }

  function fill(id, names, draw) {
    var list = document.getElementById(id);
    list.replaceChildren();
    if (names.length === 0) {
      var empty = document.createElement("li");
      empty.className = "empty";
      empty.textContent = "—";
      list.appendChild(empty);
    }
    names.forEach(function (n) {
      var li = document.createElement("li");
      draw(li, n);
      list.appendChild(li);
    });
  }

  connect();
})();
