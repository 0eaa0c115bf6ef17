# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Load test: N concurrent JSON-RPC clients against a multi-worker Odoo.

    python3 load_rpc.py --db DB [--port 8186] [--clients 1,4,16] [--duration 30]
                        [--think MS] [--kill-connections] [--same-quota] [--attach]

Steps:

1. dataset (in-process, committed once, marked in ``ir.config_parameter``): 4
   teams of 4 salespeople, each team led by a team manager, 16 directors, 40
   customers per salesperson, a few posted invoices, the current quarter and a
   confirmed quota per salesperson, and one "contest" quota for ``--same-quota``.
   Every user's password is their login.
2. a server: ``python3 -m odoo --workers=4 --max-cron-threads=0`` on 127.0.0.1
   (or ``--attach`` to one already running on ``--port``).
3. for each N of ``--clients``: N threads, each logged in as its own user
   (every fourth a team manager, the others salespeople), run a mixed workload
   for ``--duration`` seconds, recording every acknowledged create and write in
   a ledger under a unique marker. Then the database is read back (SQL) and
   checked against the ledgers: an acknowledged create exists exactly once
   with its values, the stored value of each written field is the last
   acknowledged write (or a later write whose answer was lost: "in doubt"),
   no marker twice.
4. ``--same-quota``: N directors write the target of the same confirmed quota
   as fast as they can, each a value of its own; afterwards every acknowledged
   write must be in the quota's tracking (it landed), no refused one may be,
   and the stored target must be the last tracked (committed) value.

``--think MS``: each client pauses about MS ms (0.5 to 1.5 x) between its
operations, as a person reading the screen does; 0 (the default) fires them
back to back, which measures throughput rather than a team's day.

``--kill-connections`` terminates a random Odoo backend (pg_terminate_backend)
every 0.5 s during the runs: requests may fail, but must fail cleanly (an
error answer, not a hang), and no acknowledged write may be lost.

Prints, per N: throughput, p50/p95/p99 per operation, errors by kind, and the
ledger check. Exit status 1 if anything was lost or duplicated, or (without
faults injected) if any request failed.
"""

import argparse
import http.cookiejar
import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter, defaultdict
from datetime import date

from _common import addons_path

DATASET_PARAM = "sales_model_crm_bench.load"
DATASET_VERSION = "2"
TEAMS = 4
SALES_PER_TEAM = 4
DIRECTORS = 16
CUSTOMERS_PER_SALESPERSON = 40
REPORT = "sales_model_crm_reports.quota_sheet_xlsx"
OPERATIONS = {
    # name: (weight for a salesperson, weight for a team manager)
    "partner_list": (30, 15),
    "dashboard": (10, 15),
    "quota_list": (10, 10),
    "activity_create": (15, 10),
    "activity_write": (10, 5),
    "partner_create": (8, 5),
    "partner_write": (7, 5),
    "tier_recompute": (0, 5),
    "excel_export": (0, 5),
}


# --- dataset -----------------------------------------------------------------


def setup_dataset(db):
    """Create the users, customers, invoices and quotas once (committed)."""
    from _common import bootstrap

    from odoo import SUPERUSER_ID, Command, api

    registry = bootstrap(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        params = env["ir.config_parameter"]
        customer_kind = env["sales.partner.kind"]._get_by_code("customer")
        version = params.get_param(DATASET_PARAM)
        if version == "1":
            # version 1 made companies without the customer kind, which the
            # Customers menu's default filter hides: give it to them
            env["res.partner"].search(
                [("name", "=like", "Bench Load Customer %")]
            ).write({"sales_kind_ids": [Command.link(customer_kind.id)]})
            params.set_param(DATASET_PARAM, DATASET_VERSION)
            cr.commit()
            return
        if version == DATASET_VERSION:
            return
        company = env.ref("base.main_company")
        ref = env.ref
        salesman = ref("sales_team.group_sale_salesman")
        manager = ref("sales_model_crm.group_sales_team_manager")
        director = ref("sales_team.group_sale_manager")

        def user(login, group):
            return (
                env["res.users"]
                .with_context(no_reset_password=True)
                .create(
                    {
                        "name": login.replace("_", " ").title(),
                        "login": login,
                        "password": login,
                        "company_id": company.id,
                        "company_ids": [Command.set(company.ids)],
                        "groups_id": [
                            Command.set((ref("base.group_user") | group).ids)
                        ],
                        "tz": "Asia/Shanghai",
                    }
                )
            )

        salespeople = env["res.users"]
        for team_no in range(1, TEAMS + 1):
            leader = user(f"bench_load_manager_{team_no:02d}", manager)
            members = env["res.users"]
            for member_no in range(1, SALES_PER_TEAM + 1):
                number = (team_no - 1) * SALES_PER_TEAM + member_no
                members |= user(f"bench_load_sales_{number:02d}", salesman)
            env["crm.team"].create(
                {
                    "name": f"Bench Load Team {team_no}",
                    "user_id": leader.id,
                    "company_id": company.id,
                    "member_ids": [Command.set(members.ids)],
                }
            )
            salespeople |= members
        for number in range(1, DIRECTORS + 1):
            user(f"bench_load_director_{number:02d}", director)
        partners = env["res.partner"].create(
            [
                {
                    "name": f"Bench Load Customer {person.login[-2:]}-{n:03d}",
                    "is_company": True,
                    "user_id": person.id,
                    "company_id": company.id,
                    "sales_kind_ids": [Command.link(customer_kind.id)],
                }
                for person in salespeople
                for n in range(CUSTOMERS_PER_SALESPERSON)
            ]
        )
        # a few posted invoices, so that the tier recompute has revenue to rank
        rng = random.Random(42)
        moves = env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "invoice_user_id": partner.user_id.id,
                    "invoice_date": date.today(),
                    "company_id": company.id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": "Bench load goods",
                                "quantity": 1,
                                "price_unit": rng.lognormvariate(8, 1.5),
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
                for partner in partners[::4]
            ]
        )
        moves.action_post()
        today = date.today()
        start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        end_month = start.month + 3
        end = date(start.year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1)
        period_type = env["date.range.type"].create(
            {
                "name": "Bench Load Quarter",
                "sales_cycle": "quarter",
                "company_id": company.id,
            }
        )
        period = env["date.range"].create(
            {
                "name": f"Bench Load {start:%Y-%m}",
                "type_id": period_type.id,
                "date_start": start,
                "date_end": date.fromordinal(end.toordinal() - 1),
                "company_id": company.id,
            }
        )
        quotas = env["sales.quota"].create(
            [
                {
                    "period_id": period.id,
                    "owner_type": "user",
                    "user_id": person.id,
                    "minimum": 80000,
                    "target": 100000,
                    "stretch": 120000,
                    "company_id": company.id,
                }
                for person in salespeople
            ]
        )
        # the contest quota: another basis, so it is not a duplicate line
        contest = env["sales.quota"].create(
            {
                "name": "Bench Load Contest",
                "period_id": period.id,
                "owner_type": "user",
                "user_id": salespeople[0].id,
                "basis": "collected",
                "minimum": 0,
                "target": 1,
                "stretch": 10**12,
                "company_id": company.id,
            }
        )
        (quotas | contest).action_confirm()
        params.set_param(DATASET_PARAM, DATASET_VERSION)
        cr.commit()
        print(
            f"dataset: {len(salespeople)} salespeople in {TEAMS} teams, "
            f"{DIRECTORS} directors, {len(partners)} customers, {len(moves)} "
            f"invoices, {len(quotas) + 1} quotas",
            flush=True,
        )


# --- server ------------------------------------------------------------------


def start_server(db, port, logfile, addons):
    cmd = [
        sys.executable,
        "-m",
        "odoo",
        f"--addons-path={addons}",
        f"--database={db}",
        f"--db-filter=^{db}$",
        "--workers=4",
        "--max-cron-threads=0",
        "--http-interface=127.0.0.1",
        f"--http-port={port}",
        "--log-level=warn",
        f"--logfile={logfile}",
        # a killed connection must not make the worker wait for its soft limit
        "--limit-time-real=120",
    ]
    with open(f"{logfile}.stderr", "w") as stderr:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=stderr)
    url = f"http://127.0.0.1:{port}/web/login"
    for _ in range(120):
        if proc.poll() is not None:
            sys.exit(
                f"error: the Odoo server exited ({proc.returncode}); see {logfile}"
            )
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                if answer.status == 200:
                    return proc
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(1)
    proc.terminate()
    sys.exit(f"error: the Odoo server did not answer on {url} in 120 s")


# --- client ------------------------------------------------------------------


class RpcError(Exception):
    """A request that failed: ``kind`` is the class of failure."""

    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind


class Client:
    def __init__(self, base, db, login, timeout=60):
        self.base, self.db, self.login, self.timeout = base, db, login, timeout
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        self.uid = None
        self._id = 0

    def _post(self, path, params):
        self._id += 1
        body = json.dumps(
            {"jsonrpc": "2.0", "method": "call", "params": params, "id": self._id}
        ).encode()
        request = urllib.request.Request(
            self.base + path, body, {"Content-Type": "application/json"}
        )
        try:
            with self.opener.open(request, timeout=self.timeout) as answer:
                payload = json.loads(answer.read())
        except urllib.error.HTTPError as exc:
            raise RpcError(f"http {exc.code}", str(exc)) from exc
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise RpcError(type(exc).__name__, str(exc)) from exc
        if "error" in payload:
            data = payload["error"].get("data") or {}
            raise RpcError(
                data.get("name", "rpc error").rsplit(".", 1)[-1],
                data.get("message") or payload["error"].get("message", ""),
            )
        return payload["result"]

    def login_(self):
        result = self._post(
            "/web/session/authenticate",
            {"db": self.db, "login": self.login, "password": self.login},
        )
        self.uid = result["uid"]
        return result

    def call(self, model, method, *args, **kwargs):
        return self._post(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def get(self, path):
        try:
            with self.opener.open(self.base + path, timeout=self.timeout) as answer:
                return answer.status, answer.read()
        except urllib.error.HTTPError as exc:
            raise RpcError(f"http {exc.code}", str(exc)) from exc
        except (urllib.error.URLError, OSError) as exc:
            raise RpcError(type(exc).__name__, str(exc)) from exc


class Ledger:
    """What one client sent and what was acknowledged, in order."""

    def __init__(self):
        # creates: marker -> {"model", "values", "id" (None: not acknowledged)}
        self.creates = {}
        # writes: (model, id, field) -> [(value, acknowledged)], in sending order
        self.writes = defaultdict(list)


# what the web client asks for the first page of CRM > Customers: the fields
# of its list view (res_partner_view_list_sales_model, hidden optional columns
# included) under the action's domain and its default filter (customers)
PARTNER_SPEC = {
    "complete_name": {},
    "sales_tier_id": {"fields": {"display_name": {}}},
    "sales_region_id": {"fields": {"display_name": {}}},
    "industry_id": {"fields": {"display_name": {}}},
    "phone": {},
    "email": {},
    "user_id": {"fields": {"display_name": {}}},
    "sales_employee_count": {},
    "sales_founding_date": {},
    "is_company": {},
}
PARTNER_DOMAIN = [("parent_id", "=", False), ("sales_kind_ids.code", "=", "customer")]
QUOTA_SPEC = {
    "name": {},
    "owner_name": {},
    "target": {},
    "actual_amount": {},
    "attainment": {},
    "state": {},
}


def worker(client, role, run_tag, deadline, ledger, timings, errors, seed, think=0):
    """Run the mix until ``deadline``, pausing about ``think`` ms between
    operations (0: back to back)."""
    rng = random.Random(seed)
    names = list(OPERATIONS)
    weights = [OPERATIONS[name][role == "manager"] for name in names]
    seq = 0
    # the customers the user may log interactions on: their own (a salesperson)
    # or their team's (a manager), as the record rules decide
    customers = client.call(
        "res.partner",
        "search",
        [("name", "=like", "Bench Load Customer %"), ("user_id", "!=", False)],
        limit=40,
    )
    # one basis: the sheet refuses to mix bases (their amounts do not add up)
    quota_ids = client.call(
        "sales.quota", "search", [("basis", "=", "invoiced")], limit=20
    )
    my_activities, my_partners = [], []
    while time.monotonic() < deadline:
        if think and seq:
            # a person reads the screen before the next click: 0.5 to 1.5 x
            # the mean, so that the clients do not fire in lockstep
            time.sleep(think / 1000 * rng.uniform(0.5, 1.5))
            if time.monotonic() >= deadline:
                break
        op = rng.choices(names, weights)[0]
        seq += 1
        marker = f"LOAD-{run_tag}-{client.login}-{seq}|"
        started = time.perf_counter()
        acknowledged = False
        try:
            if op == "partner_list":
                client.call(
                    "res.partner",
                    "web_search_read",
                    domain=PARTNER_DOMAIN,
                    specification=PARTNER_SPEC,
                    limit=80,
                    count_limit=10001,
                )
            elif op == "dashboard":
                client.call("sales.vp.dashboard", "get_dashboard_data")
            elif op == "quota_list":
                client.call(
                    "sales.quota",
                    "web_search_read",
                    domain=[],
                    specification=QUOTA_SPEC,
                    limit=80,
                )
            elif op == "activity_create" or (
                op == "activity_write" and not my_activities
            ):
                op = "activity_create"
                values = {
                    "name": marker,
                    "kind": rng.choice(["call", "visit", "meeting"]),
                    "duration": rng.choice([0.25, 0.5, 1.0, 1.5]),
                    "partner_id": rng.choice(customers) if customers else False,
                }
                ledger.creates[marker] = {"model": "sales.activity", "values": values}
                record_id = client.call("sales.activity", "create", values)
                ledger.creates[marker]["id"] = record_id
                my_activities.append(record_id)
            elif op == "activity_write":
                record_id = rng.choice(my_activities)
                value = round(rng.uniform(0, 8), 2)
                entry = [value, False]
                ledger.writes[("sales.activity", record_id, "duration")].append(entry)
                client.call("sales.activity", "write", [record_id], {"duration": value})
                entry[1] = True
            elif op == "partner_create" or (op == "partner_write" and not my_partners):
                op = "partner_create"
                values = {
                    "name": marker,
                    "is_company": True,
                    "user_id": client.uid,
                    "email": f"load{seq}@example.com",
                }
                ledger.creates[marker] = {"model": "res.partner", "values": values}
                record_id = client.call("res.partner", "create", values)
                ledger.creates[marker]["id"] = record_id
                my_partners.append(record_id)
            elif op == "partner_write":
                record_id = rng.choice(my_partners)
                value = f"+86 {seq:04d} {rng.randrange(10**6):06d}"
                entry = [value, False]
                ledger.writes[("res.partner", record_id, "phone")].append(entry)
                client.call("res.partner", "write", [record_id], {"phone": value})
                entry[1] = True
            elif op == "tier_recompute":
                client.call("sales.customer.tier", "action_recompute_tiers")
            elif op == "excel_export":
                ids = ",".join(map(str, quota_ids[:10]))
                status, body = client.get(f"/report/xlsx/{REPORT}/{ids}")
                if status != 200 or not body.startswith(b"PK"):
                    raise RpcError("bad xlsx", f"status {status}, {body[:80]!r}")
            acknowledged = True
        except RpcError as exc:
            errors.append((op, exc.kind, str(exc)[:200]))
        if acknowledged:
            timings[op].append(time.perf_counter() - started)


# --- checks ------------------------------------------------------------------


def check_ledgers(db, ledgers):
    """Compare the database with the ledgers: lost, duplicated, in doubt."""
    import psycopg2
    from psycopg2 import sql

    result = Counter()
    problems = []
    conn = psycopg2.connect(dbname=db)
    try:
        with conn.cursor() as cr:
            for ledger in ledgers:
                for marker, entry in ledger.creates.items():
                    table = entry["model"].replace(".", "_")
                    fields = list(entry["values"])
                    query = sql.SQL("SELECT id, {} FROM {} WHERE name = %s").format(
                        sql.SQL(", ").join(map(sql.Identifier, fields)),
                        sql.Identifier(table),
                    )
                    cr.execute(query, [marker])
                    rows = cr.fetchall()
                    if len(rows) > 1:
                        result["duplicated"] += len(rows) - 1
                        problems.append(f"duplicated: {marker} x{len(rows)}")
                    if entry.get("id") is None:
                        result[
                            "create in doubt, landed" if rows else "create refused"
                        ] += 1
                        continue
                    result["creates acknowledged"] += 1
                    if not rows or rows[0][0] != entry["id"]:
                        result["lost"] += 1
                        problems.append(f"lost create: {marker} (id {entry['id']})")
                        continue
                    stored = dict(zip(fields, rows[0][1:], strict=True))
                    for field in ("duration",):
                        # later writes change it: checked with the writes
                        if (entry["model"], entry["id"], field) in ledger.writes:
                            stored.pop(field, None)
                    for field, stored_value in stored.items():
                        expected = entry["values"][field]
                        if (stored_value or False) != (expected or False) and not (
                            isinstance(expected, float)
                            and abs(float(stored_value) - expected) < 1e-6
                        ):
                            result["lost"] += 1
                            problems.append(
                                f"create {marker}: {field} is {stored_value!r}, "
                                f"sent {expected!r}"
                            )
                for (model, record_id, field), sent in ledger.writes.items():
                    table = model.replace(".", "_")
                    query = sql.SQL("SELECT {} FROM {} WHERE id = %s").format(
                        sql.Identifier(field), sql.Identifier(table)
                    )
                    cr.execute(query, [record_id])
                    row = cr.fetchone()
                    stored_value = row and row[0]
                    acked = [i for i, (_v, ok) in enumerate(sent) if ok]
                    result["writes acknowledged"] += len(acked)
                    result["writes refused or in doubt"] += len(sent) - len(acked)

                    def same(a, b):
                        if isinstance(b, float):
                            return a is not None and abs(float(a) - b) < 1e-6
                        return a == b

                    if not acked:
                        continue
                    last = acked[-1]
                    if same(stored_value, sent[last][0]):
                        continue
                    if any(same(stored_value, v) for v, _ok in sent[last + 1 :]):
                        result["write in doubt, landed"] += 1
                        continue
                    result["lost"] += 1
                    problems.append(
                        f"lost write: {model}({record_id}).{field} is "
                        f"{stored_value!r}, last acknowledged {sent[last][0]!r}"
                    )
    finally:
        conn.close()
    return result, problems


def percentile(values, q):
    if not values:
        return float("nan")
    values = sorted(values)
    index = min(len(values) - 1, max(0, round(q / 100 * len(values) + 0.5) - 1))
    return values[index]


def killer(db, stop, counter):
    """Terminate a random Odoo backend of ``db`` every 0.5 s."""
    import psycopg2

    conn = psycopg2.connect(dbname="postgres")
    conn.autocommit = True
    rng = random.Random(7)
    with conn.cursor() as cr:
        while not stop.wait(0.5 + rng.random() * 0.2):
            cr.execute(
                """SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE datname = %s AND pid <> pg_backend_pid()
                      AND backend_type = 'client backend'
                    ORDER BY random() LIMIT 1""",
                [db],
            )
            counter["killed"] += sum(1 for (ok,) in cr.fetchall() if ok)
    conn.close()


def run_mixed(args, base, n, run_tag):
    managers = [f"bench_load_manager_{i:02d}" for i in range(1, TEAMS + 1)]
    sales = [f"bench_load_sales_{i:02d}" for i in range(1, TEAMS * SALES_PER_TEAM + 1)]
    clients = []
    for i in range(n):
        if i % 4 == 0:
            login, role = managers[(i // 4) % len(managers)], "manager"
        else:
            login, role = sales[i - 1 - i // 4], "salesperson"
        client = Client(base, args.db, login)
        client.login_()
        clients.append((client, role))
    timings = defaultdict(list)
    errors = []
    ledgers = [Ledger() for _ in clients]
    stop, killed = threading.Event(), Counter()
    kill_thread = None
    if args.kill_connections:
        kill_thread = threading.Thread(target=killer, args=(args.db, stop, killed))
        kill_thread.start()
    deadline = time.monotonic() + args.duration
    started = time.perf_counter()
    threads = [
        threading.Thread(
            target=worker,
            args=(client, role, run_tag, deadline, ledger, timings, errors, i),
            kwargs={"think": args.think},
        )
        for i, ((client, role), ledger) in enumerate(zip(clients, ledgers, strict=True))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    stop.set()
    if kill_thread:
        kill_thread.join()
    done = sum(len(v) for v in timings.values())
    print(
        f"\nN = {n} clients ({sum(r == 'manager' for _c, r in clients)} team "
        f"managers, think time {args.think:.0f} ms), {elapsed:.1f} s: "
        f"{done} requests acknowledged, "
        f"{done / elapsed:.1f}/s, {len(errors)} failed"
        + (f", {killed['killed']} backends killed" if args.kill_connections else "")
    )
    print(f"  {'operation':<16} {'count':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for op in OPERATIONS:
        values = timings.get(op, [])
        if values:
            print(
                f"  {op:<16} {len(values):>6} {1000 * percentile(values, 50):>8.0f} "
                f"{1000 * percentile(values, 95):>8.0f} "
                f"{1000 * percentile(values, 99):>8.0f}"
            )
    for (op, kind), count in sorted(Counter((o, k) for o, k, _m in errors).items()):
        sample = next(m for o, k, m in errors if (o, k) == (op, kind))
        print(f"  error {op}: {kind} x{count} ({sample[:120]})")
    result, problems = check_ledgers(args.db, ledgers)
    print(
        "  ledger: "
        + ", ".join(f"{key} {value}" for key, value in sorted(result.items()))
        + f"; lost {result['lost']}, duplicated {result['duplicated']}"
    )
    for problem in problems[:20]:
        print(f"    {problem}")
    return {
        "n": n,
        "errors": len(errors),
        "lost": result["lost"],
        "duplicated": result["duplicated"],
        "p95": {op: percentile(v, 95) for op, v in timings.items()},
    }


def run_same_quota(args, base, n, run_tag):
    """N directors write the same quota's target; check the outcome."""
    import psycopg2

    clients = [
        Client(base, args.db, f"bench_load_director_{i % DIRECTORS + 1:02d}")
        for i in range(n)
    ]
    for client in clients:
        client.login_()
    quota_id = clients[0].call(
        "sales.quota", "search", [("name", "=", "Bench Load Contest")], limit=1
    )[0]
    # only the tracking of this run counts: earlier runs wrote the same values
    conn = psycopg2.connect(dbname=args.db)
    with conn.cursor() as cr:
        cr.execute("SELECT COALESCE(max(id), 0) FROM mail_tracking_value")
        (tracking_floor,) = cr.fetchone()
    conn.close()
    sent = []  # (value, acknowledged, error kind, time answered)
    lock = threading.Lock()
    timings = []
    deadline = time.monotonic() + args.duration
    stop, killed = threading.Event(), Counter()
    kill_thread = None
    if args.kill_connections:
        kill_thread = threading.Thread(target=killer, args=(args.db, stop, killed))
        kill_thread.start()

    def contend(number, client):
        seq = 0
        while time.monotonic() < deadline:
            seq += 1
            # a value of its own: client number and sequence, whole currency units
            value = float(1_000_000 * (number + 1) + seq)
            started = time.perf_counter()
            try:
                client.call("sales.quota", "write", [quota_id], {"target": value})
                outcome = (value, True, None, time.monotonic())
                timings.append(time.perf_counter() - started)
            except RpcError as exc:
                outcome = (value, False, exc.kind, time.monotonic())
            with lock:
                sent.append(outcome)

    threads = [
        threading.Thread(target=contend, args=(i, c)) for i, c in enumerate(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    if kill_thread:
        kill_thread.join()
    conn = psycopg2.connect(dbname=args.db)
    with conn.cursor() as cr:
        cr.execute("SELECT target FROM sales_quota WHERE id = %s", [quota_id])
        stored = float(cr.fetchone()[0])
        # every committed change of the target leaves a tracking value
        cr.execute(
            """SELECT v.new_value_float FROM mail_tracking_value v
                 JOIN mail_message m ON m.id = v.mail_message_id
                 JOIN ir_model_fields f ON f.id = v.field_id
                WHERE m.model = 'sales.quota' AND m.res_id = %s
                  AND f.name = 'target' AND f.model = 'sales.quota' AND v.id > %s
                ORDER BY v.id""",
            [quota_id, tracking_floor],
        )
        tracked = [float(v) for (v,) in cr.fetchall()]
    conn.close()
    tracked_set = set(tracked)
    acked = [s for s in sent if s[1]]
    refused = [s for s in sent if not s[1]]
    lost = [s for s in acked if s[0] not in tracked_set]
    refused_landed = [s for s in refused if s[0] in tracked_set]
    last_acked = max(acked, key=lambda s: s[3])[0] if acked else None
    ok = not lost and tracked and stored == tracked[-1]
    if not args.kill_connections:
        ok = ok and not refused_landed
    print(
        f"\nsame quota, N = {n} directors, {args.duration} s: {len(acked)} writes "
        f"acknowledged, {len(refused)} refused"
        + (f" ({dict(Counter(s[2] for s in refused))})" if refused else "")
        + f"; p50/p95/p99 {1000 * percentile(timings, 50):.0f}/"
        f"{1000 * percentile(timings, 95):.0f}/{1000 * percentile(timings, 99):.0f} ms"
    )
    print(
        f"  stored target {stored:,.0f}; last committed (tracking) "
        f"{tracked[-1] if tracked else None:,.0f}; last acknowledged "
        f"{last_acked or 0:,.0f}; acknowledged but not landed: {len(lost)}; "
        f"refused but landed (in doubt): {len(refused_landed)}; "
        f"{'OK' if ok else 'FAILED'}"
    )
    return {
        "n": n,
        "errors": len(refused),
        "lost": len(lost),
        "duplicated": 0,
        "ok": ok,
        "p95": {},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--port", type=int, default=8186)
    parser.add_argument("--clients", default="1,4,16")
    parser.add_argument("--duration", type=float, default=30, help="seconds per N")
    parser.add_argument(
        "--warmup",
        type=float,
        default=20,
        help="seconds of an unmeasured 4-client run first (workers load the registry)",
    )
    parser.add_argument(
        "--think",
        type=float,
        default=0,
        metavar="MS",
        help="mean pause of each client between operations, in ms (0: back to "
        "back); each pause is drawn between 0.5 and 1.5 times it",
    )
    parser.add_argument("--kill-connections", action="store_true")
    parser.add_argument("--same-quota", action="store_true")
    parser.add_argument("--attach", action="store_true", help="use a running server")
    parser.add_argument("--logfile", default=None)
    args = parser.parse_args()
    # before Odoo is loaded in this process: loading it adds its data_dir (which
    # may not exist) to odoo.addons.__path__, and the server refuses that path
    addons = addons_path()
    setup_dataset(args.db)
    base = f"http://127.0.0.1:{args.port}"
    server = None
    logfile = args.logfile or f"/tmp/load_rpc_{args.db}.log"
    # the log is appended to: read only what this run writes
    log_offset = os.path.getsize(logfile) if os.path.exists(logfile) else 0
    if not args.attach:
        server = start_server(args.db, args.port, logfile, addons)
    run_tag = f"{os.getpid()}{int(time.time()) % 100000}"
    summaries = []
    try:
        if args.warmup:
            print("\nwarm-up (not counted in the summary)")
            warm = argparse.Namespace(**vars(args))
            warm.duration, warm.kill_connections = args.warmup, False
            run_mixed(warm, base, 4, f"{run_tag}-warm")
        for n in [int(x) for x in args.clients.split(",")]:
            runner = run_same_quota if args.same_quota else run_mixed
            summaries.append(runner(args, base, n, f"{run_tag}-{n}"))
    finally:
        if server:
            server.terminate()
            server.wait(30)
    print(f"\nsummary (think time {args.think:.0f} ms)")
    # refused writes are expected with faults injected and under contention on
    # one quota (serialization failures, also logged as ERROR "bad query")
    faults = args.kill_connections or args.same_quota
    failed = False
    for summary in summaries:
        p95 = summary["p95"]
        goals = ""
        if not args.same_quota:
            goals = (
                f", p95 list {1000 * p95.get('partner_list', float('nan')):.0f} ms, "
                f"dashboard {1000 * p95.get('dashboard', float('nan')):.0f} ms"
            )
        print(
            f"  N={summary['n']:>2}: lost {summary['lost']}, duplicated "
            f"{summary['duplicated']}, errors {summary['errors']}{goals}"
        )
        failed |= bool(summary["lost"] or summary["duplicated"])
        failed |= summary.get("ok") is False
        failed |= bool(summary["errors"]) and not faults
    if os.path.exists(logfile):
        with open(logfile) as log:
            log.seek(log_offset)
            bad = [line for line in log if " ERROR " in line or " CRITICAL " in line]
        print(f"  server log: {len(bad)} ERROR/CRITICAL lines ({logfile})")
        failed |= bool(bad) and not faults
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
