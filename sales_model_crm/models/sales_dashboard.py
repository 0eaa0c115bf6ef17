# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The VP dashboard: the three questions of the sales VP on one screen.

Are we collecting the money? Are the salespeople's days full? What are the key
problems? Every figure comes with the model and domain that list the records
it counts, so that the client action opens them on a click.

The number of queries does not depend on the size of the team: every figure
is one grouped query (``_read_group``) or one SQL statement over all the
salespeople of the scope.
"""

from collections import defaultdict
from datetime import date, datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.osv import expression

# planned activities per day when no running plan says otherwise; the
# company can change it with this system parameter
DAILY_TARGET_PARAM = "sales_model_crm.vp_daily_activity_target"
DEFAULT_DAILY_TARGET = 40
SCHEDULE_DAYS = 5
FORECAST_WEEKS = 4
TOP_CUSTOMERS = 5
TOP_PROBLEMS = 10
# crm.lead priorities the fallback treats as key problems (high, very high)
HIGH_PRIORITIES = ("2", "3")
# the lists the collections figures open: they sum what the figure sums
COLLECTED_LIST = "sales_model_crm.sales_collection_line_view_list"
RECEIVABLE_LIST = "sales_model_crm.account_move_view_list_receivable"
INSTALLMENT_LIST = "sales_model_crm.sales_collection_installment_view_list_due"


class SalesVpDashboard(models.AbstractModel):
    _name = "sales.vp.dashboard"
    _description = "Sales VP Dashboard"

    # --- entry point ------------------------------------------------------------

    @api.model
    def get_dashboard_data(self, team_id=False, date_from=False, date_to=False):
        """All the figures of the dashboard, in one JSON-able dict."""
        today = fields.Date.context_today(self)
        scope = self._scope(team_id)
        if date_from and date_to:
            date_from = fields.Date.to_date(date_from)
            date_to = fields.Date.to_date(date_to)
        else:
            date_from, date_to = self._default_period(today)
        return {
            "role": scope["role"],
            "team_id": scope["team"].id or False,
            "teams": [
                {"id": team.id, "name": team.display_name} for team in scope["teams"]
            ],
            "date_from": fields.Date.to_string(date_from),
            "date_to": fields.Date.to_string(date_to),
            "periods": self._period_options(today),
            "currency": self._currency_info(),
            "collections": self._collections(scope, date_from, date_to, today),
            "schedules": self._schedules(scope, date_from, date_to, today),
            "problems": self._problems(scope, today),
        }

    # --- scope and period -----------------------------------------------------

    @api.model
    def _scope(self, team_id):
        """Whose numbers the user sees: the role decides, the team narrows.

        A director sees every team (all by default), a team manager the teams
        they lead (themselves and their members), a salesperson only their own
        numbers. ``users`` is False for "everyone" (a director without a
        team chosen), so that documents of salespeople outside any team count.
        """
        user = self.env.user
        Team = self.env["crm.team"]
        if user.has_group("sales_team.group_sale_manager"):
            role = "director"
            teams = Team.search([])
        elif user.has_group("sales_model_crm.group_sales_team_manager"):
            role = "manager"
            teams = Team.search([("user_id", "=", user.id)])
        else:
            role = "salesperson"
            teams = user.sale_team_id
        team = teams.filtered(lambda team: team.id == team_id)[:1]
        if not team and role != "director":
            team = teams[:1]
        if role == "salesperson":
            users = user
        elif role == "manager":
            users = user | (team or teams).member_ids
        else:
            users = (team.member_ids | team.user_id) if team else False
        # the salespeople listed one by one (schedules, overdue by person)
        members = users if users is not False else teams.member_ids
        return {
            "role": role,
            "teams": teams,
            "team": team,
            "users": users,
            "members": members.filtered(lambda member: not member.share),
        }

    def _user_domain(self, scope, field="user_id"):
        if scope["users"] is False:
            return []
        return [(field, "in", scope["users"].ids)]

    @api.model
    def _default_period(self, today):
        """The current quarter when quarters are defined, else this month."""
        quarter = self.env["date.range"].search(
            [
                ("sales_cycle", "=", "quarter"),
                ("date_start", "<=", today),
                ("date_end", ">=", today),
                ("company_id", "in", [False, self.env.company.id]),
            ],
            limit=1,
            order="date_start desc",
        )
        if quarter:
            return quarter.date_start, quarter.date_end
        start = today.replace(day=1)
        return start, start + relativedelta(months=1, days=-1)

    @api.model
    def _period_options(self, today):
        """Periods to choose from: this month, and the sales periods around now."""
        start = today.replace(day=1)
        options = [
            {
                "name": _("This month"),
                "date_from": fields.Date.to_string(start),
                "date_to": fields.Date.to_string(
                    start + relativedelta(months=1, days=-1)
                ),
            }
        ]
        ranges = self.env["date.range"].search(
            [
                ("sales_cycle", "in", ("month", "quarter", "year")),
                ("date_end", ">=", today - relativedelta(months=12)),
                ("date_start", "<=", today + relativedelta(months=3)),
                ("company_id", "in", [False, self.env.company.id]),
            ],
            order="date_start desc, date_end desc",
            limit=30,
        )
        options += [
            {
                "name": period.name,
                "date_from": fields.Date.to_string(period.date_start),
                "date_to": fields.Date.to_string(period.date_end),
            }
            for period in ranges
        ]
        return options

    @api.model
    def _currency_info(self):
        currency = self.env.company.currency_id
        return {
            "symbol": currency.symbol,
            "position": currency.position,
            "digits": currency.decimal_places,
        }

    @api.model
    def _figure(self, value, res_model, domain, name=None, list_view=None):
        """A number with what a click on it opens; ``title`` names the list
        it opens, ``name`` labels the number (a row sets its own label).

        ``list_view`` is the xml id of the list made for the figure: it shows
        the amount summed, with the total in its footer, so that the list adds
        up to the number.
        """
        views = [[False, "list"], [False, "form"]]
        if list_view:
            # cached lookup: a figure per row must not cost a query per row
            views[0][0] = self.env["ir.model.data"]._xmlid_to_res_id(list_view)
        return {
            "value": value,
            "res_model": res_model,
            "domain": domain,
            "name": name or "",
            "title": name or "",
            "views": views,
        }

    # --- 1. collections ---------------------------------------------------------

    def _collections(self, scope, date_from, date_to, today):
        collected_by_user = self._collected_by_user(scope, date_from, date_to)
        collected = sum(collected_by_user.values())
        target = self._collection_target(scope, date_from, date_to)
        overdue_domain = self._overdue_domain(scope, today)
        Move = self.env["account.move"]
        overdue_by_user = Move._read_group(
            overdue_domain,
            ["invoice_user_id"],
            ["amount_residual_signed:sum"],
            order="amount_residual_signed:sum desc",
        )
        overdue_by_customer = Move._read_group(
            overdue_domain,
            ["commercial_partner_id"],
            ["amount_residual_signed:sum"],
            order="amount_residual_signed:sum desc",
            limit=TOP_CUSTOMERS,
        )
        overdue_total = sum(amount for _user, amount in overdue_by_user)
        names = self._user_names(
            set(collected_by_user) | {user.id for user, _amount in overdue_by_user}
        )
        collected_domain = self._collected_domain(scope, date_from, date_to)
        return {
            "collected": self._figure(
                collected,
                "sales.collection.line",
                collected_domain,
                _("Cash collected"),
                COLLECTED_LIST,
            ),
            "target": self._figure(
                target["amount"],
                "sales.quota",
                target["domain"],
                _("Collection targets"),
            ),
            "rate": (collected / target["amount"] * 100) if target["amount"] else 0.0,
            "collected_by_user": [
                {
                    "user_id": user_id,
                    **self._figure(
                        amount,
                        "sales.collection.line",
                        expression.AND([collected_domain, [("user_id", "=", user_id)]]),
                        _("Cash collected"),
                        COLLECTED_LIST,
                    ),
                    "name": names.get(user_id, _("Unassigned")),
                }
                for user_id, amount in sorted(
                    collected_by_user.items(), key=lambda item: -item[1]
                )
            ],
            "overdue": self._figure(
                overdue_total,
                "account.move",
                overdue_domain,
                _("Overdue invoices"),
                RECEIVABLE_LIST,
            ),
            "overdue_by_user": [
                {
                    "user_id": user.id,
                    **self._figure(
                        amount,
                        "account.move",
                        expression.AND(
                            [overdue_domain, [("invoice_user_id", "=", user.id)]]
                        ),
                        _("Overdue invoices"),
                        RECEIVABLE_LIST,
                    ),
                    "name": user.name if user else _("Unassigned"),
                }
                for user, amount in overdue_by_user
            ],
            "overdue_by_customer": [
                {
                    "partner_id": partner.id,
                    **self._figure(
                        amount,
                        "account.move",
                        expression.AND(
                            [
                                overdue_domain,
                                [("commercial_partner_id", "=", partner.id)],
                            ]
                        ),
                        _("Overdue invoices"),
                        RECEIVABLE_LIST,
                    ),
                    "name": partner.display_name,
                }
                for partner, amount in overdue_by_customer
            ],
            "expected": self._expected_by_week(scope, today),
        }

    def _user_names(self, user_ids):
        # read with sudo: only names of salespeople already in the user's scope
        users = self.env["res.users"].sudo().browse(uid for uid in user_ids if uid)
        return {user.id: user.name for user in users}

    def _collected_by_user(self, scope, date_from, date_to):
        """Cash received on customer invoices in the period, by salesperson.

        The cash collected of ``sales.collection.line``, the definition the
        quotas' "collected" basis reads too: cash only (payments and bank
        lines, not credit notes or write-offs), on the day it was reconciled
        with the invoice, money paid back on a refund negative. Summed with
        the reader's rights, as the list the figure opens shows them.
        """
        rows = self.env["sales.collection.line"]._read_group(
            self._collected_domain(scope, date_from, date_to),
            ["user_id"],
            ["amount:sum"],
        )
        return {user.id or False: amount for user, amount in rows}

    def _collected_domain(self, scope, date_from, date_to):
        """The collections of the period, in the companies the user works in."""
        return [
            ("date", ">=", date_from),
            ("date", "<=", date_to),
            ("company_id", "in", self.env.companies.ids),
            *self._user_domain(scope),
        ]

    def _collection_target(self, scope, date_from, date_to):
        """Confirmed 'collected' quotas of the scope's salespeople in the period.

        Only salespeople's quotas count: a team quota is usually split into
        them, and adding both would count the target twice.
        """
        domain = [
            ("basis", "=", "collected"),
            ("state", "=", "confirmed"),
            ("owner_type", "=", "user"),
            # a quarter and its months are one target, not two
            ("is_period_part", "=", False),
            ("date_start", ">=", date_from),
            ("date_end", "<=", date_to),
            *self._user_domain(scope),
        ]
        [(amount,)] = self.env["sales.quota"]._read_group(domain, [], ["target:sum"])
        return {"amount": amount or 0.0, "domain": domain}

    def _overdue_domain(self, scope, today):
        return [
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("payment_state", "in", ("not_paid", "partial")),
            ("invoice_date_due", "<", today),
            *self._user_domain(scope, "invoice_user_id"),
        ]

    def _expected_by_week(self, scope, today):
        """Money expected in the next four weeks: invoices falling due and,
        when collection plans exist, their open installments."""
        weeks = [
            (today + timedelta(days=7 * week), today + timedelta(days=7 * week + 6))
            for week in range(FORECAST_WEEKS)
        ]
        last = weeks[-1][1]
        due_domain = [
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("payment_state", "in", ("not_paid", "partial")),
            ("invoice_date_due", ">=", today),
            ("invoice_date_due", "<=", last),
            *self._user_domain(scope, "invoice_user_id"),
        ]
        invoices = self.env["account.move"]._read_group(
            due_domain, ["invoice_date_due:day"], ["amount_residual_signed:sum"]
        )
        installments = self._installments_due(scope, today, last)
        result = []
        for week_start, week_end in weeks:
            in_week = [
                amount
                for day, amount in invoices
                if week_start <= fields.Date.to_date(day) <= week_end
            ]
            week_domain = [
                ("invoice_date_due", ">=", week_start),
                ("invoice_date_due", "<=", week_end),
            ]
            row = {
                "date_from": fields.Date.to_string(week_start),
                "date_to": fields.Date.to_string(week_end),
                "invoices": self._figure(
                    sum(in_week),
                    "account.move",
                    expression.AND([due_domain, week_domain]),
                    _("Invoices falling due"),
                    RECEIVABLE_LIST,
                ),
                "installments": False,
            }
            if installments:
                model, date_field, rows, domain = installments
                row["installments"] = self._figure(
                    sum(
                        amount
                        for day, amount in rows
                        if week_start <= fields.Date.to_date(day) <= week_end
                    ),
                    model,
                    expression.AND(
                        [
                            domain,
                            [
                                (date_field, ">=", week_start),
                                (date_field, "<=", week_end),
                            ],
                        ]
                    ),
                    _("Collection installments"),
                    INSTALLMENT_LIST,
                )
            result.append(row)
        return result

    def _installments_due(self, scope, today, last):
        """Open collection installments due until ``last``: (date, amount) rows.

        Collection plans are optional: without them the forecast is made of
        invoices only. What is left to collect is computed for all the
        installments of the window at once.
        """
        model = "sales.collection.installment"
        if model not in self.env:
            return False
        domain = [
            ("due_date", ">=", today),
            ("due_date", "<=", last),
            ("state", "in", ("planned", "partial", "overdue")),
            *self._user_domain(scope),
        ]
        installments = self.env[model].search(domain)
        rows = [(inst.due_date, inst.amount_residual) for inst in installments]
        return model, "due_date", rows, domain

    # --- 2. schedule fullness ---------------------------------------------------

    def _schedules(self, scope, date_from, date_to, today):
        """Planned work of each salesperson on the next working days, in units
        (calls, visits, tasks) against their daily target."""
        members = scope["members"]
        days, hours = self._next_working_days(members, today)
        if not days:
            return {"days": [], "rows": [], "under_planned": 0}
        targets = self._daily_targets(members, days)
        # read once: the parameter would otherwise be looked up for every cell
        default_target = self._default_daily_target()
        # planned units, not activities: a plan's day of 30 calls is one
        # activity standing for 30; an activity counts in its record's
        # company, and only the active companies' count (a salesperson of two
        # companies plans in both). Counts of the scope's salespeople only, in
        # SQL: the click-through lists them with the user's own rights.
        counts = defaultdict(int)
        activity_ids = defaultdict(list)
        companies = set(self.env.companies.ids)
        for user_id, company_id, day, units, ids in self.env[
            "mail.activity"
        ]._sales_planned_units(
            members, days[0], days[-1], exclude_model="sales.daily.review"
        ):
            if company_id in companies:
                counts[user_id, day] += units
                activity_ids[user_id, day] += ids
        logged = self._logged_activities(members, date_from, date_to)
        rows = []
        under = 0
        for member in members.sorted("name"):
            cells = []
            for day in days:
                count = counts.get((member.id, day), 0)
                day_hours = hours.get((member.id, day), 0.0)
                target = targets.get(member.id, default_target)
                flag = bool(day_hours) and count < target
                under += flag
                cells.append(
                    {
                        "date": fields.Date.to_string(day),
                        "hours": round(day_hours, 1),
                        "target": target,
                        "under_planned": flag,
                        # the click-through lists what was counted: the
                        # activities of the active companies' records
                        **self._figure(
                            count,
                            "mail.activity",
                            [("id", "in", activity_ids[member.id, day])],
                            _("Planned activities"),
                        ),
                    }
                )
            rows.append(
                {
                    "user_id": member.id,
                    "name": member.name,
                    "target": targets.get(member.id, default_target),
                    "cells": cells,
                    "logged": self._figure(
                        logged.get(member.id, 0),
                        "sales.activity",
                        [
                            ("user_id", "=", member.id),
                            *self._logged_domain(date_from, date_to),
                        ],
                        _("Logged activities"),
                    ),
                }
            )
        return {
            "days": [fields.Date.to_string(day) for day in days],
            "rows": rows,
            "under_planned": under,
        }

    @api.model
    def _default_daily_target(self):
        # sudo: a system parameter (a number), no business data
        param = self.env["ir.config_parameter"].sudo().get_param(DAILY_TARGET_PARAM)
        try:
            return int(param) if param else DEFAULT_DAILY_TARGET
        except ValueError:
            return DEFAULT_DAILY_TARGET

    def _next_working_days(self, members, today):
        """The next working days of the company calendar (today included),
        and each salesperson's working hours on them (their leaves removed).
        """
        calendar = self.env.company.resource_calendar_id
        if not calendar:
            days = []
            day = today
            while len(days) < SCHEDULE_DAYS:
                if day.weekday() < 5:
                    days.append(day)
                day += timedelta(days=1)
            return days, {(member.id, day): 8.0 for member in members for day in days}
        tz = pytz.timezone(calendar.tz or "UTC")
        start = tz.localize(datetime.combine(today, time.min))
        resources = members.resource_ids.filtered(
            lambda resource: resource.company_id in (self.env.company, False)
            or not resource.company_id
        )
        # a week holds the five working days unless holidays fill it: look
        # three weeks ahead only then (intervals cost per day and person)
        for horizon in (7, 21):
            end = tz.localize(
                datetime.combine(today + timedelta(days=horizon), time.min)
            )
            # sudo: working hours and leaves of the scope's salespeople only,
            # which a salesperson may not read on resource.calendar.leaves
            intervals = calendar.sudo()._work_intervals_batch(
                start, end, resources=resources
            )
            days = sorted({interval[0].date() for interval in intervals[False]})[
                :SCHEDULE_DAYS
            ]
            if len(days) == SCHEDULE_DAYS:
                break
        hours = defaultdict(float)
        resource_of = {resource.user_id.id: resource.id for resource in resources}
        for member in members:
            for begin, stop, _meta in intervals[resource_of.get(member.id, False)]:
                if begin.date() in days:
                    hours[member.id, begin.date()] += (
                        stop - begin
                    ).total_seconds() / 3600
        return days, hours

    def _daily_targets(self, members, days):
        """Each salesperson's running plan's daily call target."""
        # sudo: the plans of the scope's salespeople, read for their daily
        # target only (a salesperson may not read the quota behind it)
        plans = (
            self.env["sales.plan"]
            .sudo()
            .search(
                [
                    ("state", "=", "active"),
                    ("owner_type", "=", "user"),
                    ("user_id", "in", members.ids),
                    ("date_start", "<=", days[-1]),
                    ("date_end", ">=", days[0]),
                ],
                order="date_start desc",
            )
        )
        targets = {}
        for plan in plans:
            if plan.daily_call_target and plan.user_id.id not in targets:
                targets[plan.user_id.id] = plan.daily_call_target
        return targets

    def _logged_domain(self, date_from, date_to):
        return [
            (
                "date",
                ">=",
                fields.Datetime.to_string(datetime.combine(date_from, time.min)),
            ),
            (
                "date",
                "<",
                fields.Datetime.to_string(
                    datetime.combine(date_to + timedelta(days=1), time.min)
                ),
            ),
        ]

    def _logged_activities(self, members, date_from, date_to):
        """Interactions logged by each salesperson in the period."""
        rows = self.env["sales.activity"]._read_group(
            [("user_id", "in", members.ids), *self._logged_domain(date_from, date_to)],
            ["user_id"],
            ["__count"],
        )
        return {user.id: count for user, count in rows}

    # --- 3. key problems --------------------------------------------------------

    def _problems(self, scope, today):
        if "sales.problem" in self.env:
            return self._problems_from_reviews(scope, today)
        return self._problems_fallback(scope, today)

    def _problems_from_reviews(self, scope, today):
        Problem = self.env["sales.problem"]
        fields_ = Problem._fields
        date_field = next(
            name
            for name in ("date_raised", "date", "raised_date", "create_date")
            if name in fields_
        )
        domain = [("state", "in", ("open", "escalated")), *self._user_domain(scope)]
        by_state = dict(Problem._read_group(domain, ["state"], ["__count"]))
        oldest = Problem.search(
            domain, order=f"{date_field} asc, id asc", limit=TOP_PROBLEMS
        )
        return {
            "source": "sales.problem",
            "open": self._figure(
                by_state.get("open", 0),
                "sales.problem",
                expression.AND([domain, [("state", "=", "open")]]),
                _("Open problems"),
            ),
            "escalated": self._figure(
                by_state.get("escalated", 0),
                "sales.problem",
                expression.AND([domain, [("state", "=", "escalated")]]),
                _("Escalated problems"),
            ),
            "oldest": [
                {
                    "id": problem.id,
                    "res_model": "sales.problem",
                    "name": problem.display_name,
                    "owner": problem.user_id.name or "",
                    "state": problem.state,
                    "age": self._age(problem[date_field], today),
                }
                for problem in oldest
            ],
        }

    def _problems_fallback(self, scope, today):
        """Without daily reviews: high-priority open deals and overdue work."""
        lead_domain = [
            ("type", "=", "opportunity"),
            ("priority", "in", HIGH_PRIORITIES),
            ("probability", "<", 100),
            *self._user_domain(scope),
        ]
        Lead = self.env["crm.lead"]
        [(lead_count,)] = Lead._read_group(lead_domain, [], ["__count"])
        oldest = Lead.search(
            lead_domain, order="create_date asc, id asc", limit=TOP_PROBLEMS
        )
        overdue_domain = [
            ("date_deadline", "<", today),
            ("user_id", "in", scope["members"].ids),
        ]
        # sudo: as for the schedules, counts of the scope's salespeople only
        [(overdue_count,)] = (
            self.env["mail.activity"]
            .sudo()
            ._read_group(overdue_domain, [], ["__count"])
        )
        return {
            "source": "crm.lead",
            "open": self._figure(
                lead_count, "crm.lead", lead_domain, _("High-priority open deals")
            ),
            "escalated": self._figure(
                overdue_count, "mail.activity", overdue_domain, _("Overdue activities")
            ),
            "oldest": [
                {
                    "id": lead.id,
                    "res_model": "crm.lead",
                    "name": lead.name,
                    "owner": lead.user_id.name or "",
                    "state": "open",
                    "age": self._age(lead.create_date, today),
                }
                for lead in oldest
            ],
        }

    @api.model
    def _age(self, value, today):
        """Days since ``value`` (a date or a datetime)."""
        if not value:
            return 0
        if isinstance(value, datetime):
            value = value.date()
        if not isinstance(value, date):
            value = fields.Date.to_date(value)
        return (today - value).days
