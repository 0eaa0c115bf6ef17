# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

PLAN_LINE_KINDS = [
    ("call", "Effective Calls"),
    ("visit", "Visits"),
    ("demo", "Demos"),
    ("proposal", "Proposals"),
    ("other", "Other"),
]
# The quota's reverse funnel gives deals, prospects and calls; the other plan
# lines follow from them, each rounded up like the funnel itself:
# every second prospect is visited, every deal needs one demo and two
# proposals (a first offer and a revised one).
VISITS_PER_PROSPECT = 0.5
DEMOS_PER_DEAL = 1
PROPOSALS_PER_DEAL = 2
# What a plan line's done count counts. Calls: every effective interaction
# (the company settings say which kinds and outcomes are effective). Proposals
# are quotations sent or confirmed (sale.order, dated by their order date);
# the other kinds count logged interactions (sales.activity) of these kinds.
ACTIVITY_KINDS = {
    "visit": ("visit", "meeting"),
    "demo": ("demo",),
    "other": ("email", "other"),
}
PROPOSAL_STATES = ("sent", "sale")
# plan fields only a manager changes: who the plan is for, and when
OWNER_FIELDS = frozenset(
    {"owner_type", "user_id", "team_id", "agent_id", "period_id", "quota_id"}
)


class SalesPlan(models.Model):
    """A plan (计划): an owner's workload for one assessment period.

    Made from a quota's reverse funnel (calls, visits, demos, proposals with
    target counts) and scheduled into the salesperson's working days as
    activities, so that each day's work is on their agenda.
    """

    _name = "sales.plan"
    _description = "Sales Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.owned.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        required=True,
        tracking=True,
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    period_id = fields.Many2one(
        "date.range",
        string="Assessment Period",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
        tracking=True,
    )
    date_start = fields.Date(related="period_id.date_start", store=True)
    date_end = fields.Date(related="period_id.date_end", store=True)
    quota_id = fields.Many2one(
        "sales.quota",
        index=True,
        check_company=True,
        ondelete="set null",
        tracking=True,
        help="The quota whose workload this plan turns into daily work.",
    )
    owner_type = fields.Selection(
        [("user", "Salesperson"), ("team", "Sales Team"), ("agent", "Agent")],
        string="Owner Is",
        required=True,
        default="user",
    )
    team_id = fields.Many2one(check_company=True)
    agent_id = fields.Many2one(
        "res.partner",
        string="Agent",
        index=True,
        domain=[("sales_kind_ids.code", "=", "agent")],
        check_company=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("active", "In Progress"), ("done", "Done")],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many(
        "sales.plan.line", "plan_id", string="Plan Lines", copy=True
    )
    daily_call_target = fields.Integer(
        string="Effective Calls per Day",
        compute="_compute_daily_call_target",
        help="The quota's daily workload: its calls over its working days. "
        "Without a quota, the plan's calls over the working days of the period.",
    )
    working_days = fields.Integer(
        compute="_compute_daily_call_target",
        help="The quota's working days, or those of the salesperson's (else the "
        "company's) working calendar in the period.",
    )
    progress = fields.Float(
        string="Progress (%)",
        compute="_compute_progress",
        store=True,
        aggregator="avg",
        help="Work done against the targets of all lines (capped per line).",
    )
    progress_call = fields.Float(
        string="Calls (%)", compute="_compute_progress", store=True, aggregator="avg"
    )
    progress_visit = fields.Float(
        string="Visits (%)", compute="_compute_progress", store=True, aggregator="avg"
    )
    progress_demo = fields.Float(
        string="Demos (%)", compute="_compute_progress", store=True, aggregator="avg"
    )
    progress_proposal = fields.Float(
        string="Proposals (%)",
        compute="_compute_progress",
        store=True,
        aggregator="avg",
    )
    note = fields.Html()

    _sql_constraints = [
        (
            "quota_unique",
            "UNIQUE(quota_id)",
            "A quota has one plan.",
        ),
    ]

    # --- computes -----------------------------------------------------------

    @api.depends(
        "period_id.name",
        "owner_type",
        "user_id.name",
        "team_id.name",
        "agent_id.name",
    )
    def _compute_name(self):
        for plan in self:
            parts = [plan.period_id.name, plan._owner().name]
            plan.name = " · ".join(part for part in parts if part) or _("New Plan")

    def _sales_team_from_user(self):
        # a team's or an agent's plan keeps the team it was given, and so
        # does a salesperson's while they are in no team of the company
        if self.owner_type != "user" or not self.user_id:
            return None
        return super()._sales_team_from_user() or self.team_id

    @api.depends(
        "quota_id",
        "period_id",
        "user_id",
        "line_ids.kind",
        "line_ids.target_count",
    )
    def _compute_daily_call_target(self):
        loads = {
            plan: plan.quota_id._workload("target") if plan.quota_id else {}
            for plan in self
        }
        # the calendar is read only for plans whose quota gives no working days
        need_calendar = self.filtered(lambda plan: not loads[plan].get("working_days"))
        calendar_days = need_calendar._working_days_by_plan()
        for plan in self:
            load = loads[plan]
            plan.working_days = load.get("working_days") or len(
                calendar_days.get(plan, ())
            )
            daily = load.get("daily_calls") or 0
            if not daily and plan.working_days:
                calls = sum(
                    plan.line_ids.filtered(lambda line: line.kind == "call").mapped(
                        "target_count"
                    )
                )
                daily = math.ceil(calls / plan.working_days)
            plan.daily_call_target = daily

    @api.depends("line_ids.kind", "line_ids.target_count", "line_ids.done_count")
    def _compute_progress(self):
        progress_of = self.env["sales.plan.line"]._progress_of
        for plan in self:
            plan.progress = progress_of(plan.line_ids)
            for kind in ("call", "visit", "demo", "proposal"):
                plan[f"progress_{kind}"] = progress_of(
                    plan.line_ids.filtered(lambda line, kind=kind: line.kind == kind)
                )

    # --- rules --------------------------------------------------------------

    def _owner(self):
        self.ensure_one()
        return {
            "user": self.user_id,
            "team": self.team_id,
            "agent": self.agent_id,
        }[self.owner_type]

    def _is_manager(self):
        user = self.env.user
        return (
            self.env.is_superuser()
            or user.has_group("sales_model_crm.group_sales_team_manager")
            or user.has_group("sales_team.group_sale_manager")
        )

    @api.constrains("owner_type", "user_id", "team_id", "agent_id")
    def _check_owner(self):
        for plan in self:
            if not plan._owner():
                raise ValidationError(
                    _("The plan %(name)s has no owner.", name=plan.display_name)
                )

    @api.constrains("quota_id", "period_id", "owner_type", "user_id", "agent_id")
    def _check_quota(self):
        for plan in self.filtered("quota_id"):
            quota = plan.quota_id
            if quota.period_id != plan.period_id or (
                quota.owner_type != plan.owner_type or quota._owner() != plan._owner()
            ):
                raise ValidationError(
                    _(
                        "The plan %(plan)s must have the period and the owner of "
                        "its quota %(quota)s.",
                        plan=plan.display_name,
                        quota=quota.display_name,
                    )
                )

    def write(self, vals):
        if OWNER_FIELDS & set(vals) and not self._is_manager():
            raise UserError(
                _("Only a sales manager changes whom a plan is for, or its period.")
            )
        return super().write(vals)

    @api.onchange("quota_id")
    def _onchange_quota_id(self):
        quota = self.quota_id
        if quota:
            self.period_id = quota.period_id
            self.owner_type = quota.owner_type
            self.user_id = quota.user_id
            self.team_id = quota.team_id
            self.agent_id = quota.agent_id

    # --- creation from quotas -------------------------------------------------

    @api.model
    def _line_values_from_quota(self, quota):
        """The plan lines of a quota's target workload (see VISITS_PER_PROSPECT)."""
        load = quota._workload("target")
        targets = {
            "call": load["calls"],
            "visit": math.ceil(load["prospects"] * VISITS_PER_PROSPECT - 1e-9),
            "demo": math.ceil(load["deals"] * DEMOS_PER_DEAL - 1e-9),
            "proposal": math.ceil(load["deals"] * PROPOSALS_PER_DEAL - 1e-9),
        }
        return [
            fields.Command.create(
                {"kind": kind, "sequence": sequence, "target_count": target}
            )
            for sequence, (kind, target) in enumerate(targets.items(), start=1)
        ]

    @api.model
    def _create_from_quotas(self, quotas):
        """Create one plan per quota that has none yet; return the quotas' plans.

        Runs twice without creating anything twice. Settled quotas get no plan.
        """
        # sudo: only to learn which quotas already have a plan, visible to the
        # current user or not; a second plan would break quota_unique
        taken = set(self.sudo().search([("quota_id", "in", quotas.ids)]).quota_id.ids)
        vals_list = [
            {
                "quota_id": quota.id,
                "company_id": quota.company_id.id,
                "period_id": quota.period_id.id,
                "owner_type": quota.owner_type,
                "user_id": quota.user_id.id,
                "team_id": quota.team_id.id,
                "agent_id": quota.agent_id.id,
                "line_ids": self._line_values_from_quota(quota),
            }
            for quota in quotas
            if quota.id not in taken and quota.state != "closed"
        ]
        if vals_list:
            self.create(vals_list)
        return self.search([("quota_id", "in", quotas.ids)])

    @api.model
    def _action_create_from_quotas(self, quotas):
        """Server action on quotas: create their plans and show them."""
        plans = self._create_from_quotas(quotas)
        action = {
            "type": "ir.actions.act_window",
            "name": _("Plans"),
            "res_model": "sales.plan",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", plans.ids)],
        }
        if len(plans) == 1:
            action.update(views=[(False, "form")], res_id=plans.id)
        return action

    # --- working days ---------------------------------------------------------

    def _calendar(self):
        """The working calendar of the plan's salesperson, else the company's."""
        self.ensure_one()
        resource = self._resource()
        return resource.calendar_id or self.company_id.resource_calendar_id

    def _resource(self):
        self.ensure_one()
        return self.user_id.resource_ids.filtered(
            lambda resource: not resource.company_id
            or resource.company_id == self.company_id
        )[:1]

    def _working_days_by_plan(self, date_from=None):
        """{plan: [date, ...]}: working days of each plan from ``date_from``.

        One work interval computation per calendar, with the salespeople's own
        leaves when they are resources; without any calendar, Monday to Friday.
        """
        result = {}
        by_calendar = defaultdict(lambda: self.browse())
        for plan in self.filtered(lambda plan: plan.date_start and plan.date_end):
            by_calendar[plan._calendar()] |= plan
        for calendar, plans in by_calendar.items():
            bounds = {
                plan: (
                    max(plan.date_start, date_from or plan.date_start),
                    plan.date_end,
                )
                for plan in plans
            }
            if not calendar:
                for plan, (start, end) in bounds.items():
                    result[plan] = [
                        start + timedelta(days=offset)
                        for offset in range((end - start).days + 1)
                        if (start + timedelta(days=offset)).weekday() < 5
                    ]
                continue
            first = min(start for start, _end in bounds.values())
            last = max(end for _start, end in bounds.values())
            if first > last:
                result.update({plan: [] for plan in plans})
                continue
            resources = self.env["resource.resource"]
            for plan in plans:
                resources |= plan._resource()
            tz = pytz.timezone(calendar.tz or "UTC")
            # one day of margin: the resources' own time zones may differ
            start_dt = tz.localize(
                datetime.combine(first - timedelta(days=1), time.min)
            )
            end_dt = tz.localize(datetime.combine(last + timedelta(days=2), time.min))
            intervals = calendar._work_intervals_batch(
                start_dt, end_dt, resources=resources
            )
            for plan, (start, end) in bounds.items():
                days = {
                    interval[0].date()
                    for interval in intervals[plan._resource().id or False]
                }
                result[plan] = sorted(day for day in days if start <= day <= end)
        return result

    # --- scheduling -------------------------------------------------------------

    @api.model
    def _activity_summary(self, kind, count):
        if kind == "call":
            return _("%(count)s effective calls", count=count)
        if kind == "visit":
            return _("%(count)s visits", count=count)
        if kind == "demo":
            return _("%(count)s demos", count=count)
        if kind == "proposal":
            return _("%(count)s proposals", count=count)
        return _("%(count)s other tasks", count=count)

    def _schedule_activities(self):
        """Put the remaining work of the lines into the remaining working days.

        For each working day from today to the period end, one activity per
        line kind for the salesperson, due that day. A line's remaining count
        is spread evenly, rounded up, never above the total (the last days
        may get less, or nothing). A day that already has the plan's activity
        of a kind (open or done) is skipped, so running twice creates nothing
        twice. Plans of teams and agents have no days to fill and are skipped.
        """
        plans = self.filtered(
            lambda plan: plan.owner_type == "user"
            and plan.user_id
            and plan.state != "done"
        )
        if not plans:
            return self.env["mail.activity"]
        activity_types = self.env["mail.activity.type"].search(
            [
                ("sales_plan_kind", "!=", False),
                ("res_model", "in", (False, "sales.plan")),
            ],
            order="sequence, id",
        )
        type_by_kind = {}
        for activity_type in activity_types:
            type_by_kind.setdefault(activity_type.sales_plan_kind, activity_type)
        existing = {
            (res_id, activity_type.sales_plan_kind, day)
            for res_id, activity_type, day in self.env["mail.activity"]
            .with_context(active_test=False)
            ._read_group(
                [
                    ("res_model", "=", "sales.plan"),
                    ("res_id", "in", plans.ids),
                    ("activity_type_id", "in", activity_types.ids),
                ],
                ["res_id", "activity_type_id", "date_deadline:day"],
            )
        }
        today_by_plan = {
            plan: fields.Date.context_today(plan.with_context(tz=plan.user_id.tz))
            for plan in plans
        }
        days_by_plan = {}
        for today in set(today_by_plan.values()):
            same_day = plans.filtered(
                lambda plan, today=today: today_by_plan[plan] == today
            )
            days_by_plan.update(same_day._working_days_by_plan(date_from=today))
        res_model_id = self.env["ir.model"]._get_id("sales.plan")
        vals_list = []
        for plan in plans:
            days = days_by_plan.get(plan) or []
            for line in plan.line_ids:
                activity_type = type_by_kind.get(line.kind)
                if not days or not activity_type or line.remaining_count <= 0:
                    continue
                left = line.remaining_count
                per_day = math.ceil(left / len(days))
                for day in days:
                    count = min(per_day, left)
                    if count <= 0:
                        break
                    left -= count
                    if (plan.id, line.kind, day) in existing:
                        continue
                    vals_list.append(
                        {
                            "res_model_id": res_model_id,
                            "res_id": plan.id,
                            "activity_type_id": activity_type.id,
                            "user_id": plan.user_id.id,
                            "date_deadline": day,
                            "summary": self._activity_summary(line.kind, count),
                            "sales_planned_count": count,
                        }
                    )
        # the salesperson follows their plan; subscribed once here, because
        # mail.activity subscribes per activity and trips over its own
        # duplicates when one batch holds several activities of one record
        for user in plans.user_id:
            plans.filtered(
                lambda plan, user=user: plan.user_id == user
            ).message_subscribe(partner_ids=user.partner_id.ids)
        # quick update: one notification e-mail per scheduled day would drown
        # the salesperson; the plan's chatter says it was scheduled
        activities = (
            self.env["mail.activity"]
            .with_context(mail_activity_quick_update=True)
            .create(vals_list)
        )
        for plan in plans:
            count = len(
                activities.filtered(lambda act, plan=plan: act.res_id == plan.id)
            )
            if count:
                plan.message_post(
                    body=_(
                        "%(count)s activities scheduled into the working days.",
                        count=count,
                    )
                )
        return activities

    # --- actions ------------------------------------------------------------

    def action_schedule(self):
        unschedulable = self.filtered(
            lambda plan: plan.owner_type != "user" or not plan.user_id
        )
        if unschedulable:
            raise UserError(
                _(
                    "%(plan)s is not a salesperson's plan: only a salesperson's "
                    "plan is scheduled into their working days.",
                    plan=unschedulable[0].display_name,
                )
            )
        if self.filtered(lambda plan: plan.state == "done"):
            raise UserError(_("A done plan is not scheduled any more."))
        activities = self._schedule_activities()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _("%(count)s activities scheduled.", count=len(activities)),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def action_start(self):
        self.filtered(lambda plan: plan.state == "draft").write({"state": "active"})
        self.filtered(lambda plan: plan.owner_type == "user")._schedule_activities()
        return True

    def action_done(self):
        self.write({"state": "done"})
        return True

    def action_reset_to_draft(self):
        self.write({"state": "draft"})
        return True


class SalesPlanLine(models.Model):
    """One kind of work in a plan: a target count and what is done of it."""

    _name = "sales.plan.line"
    _description = "Sales Plan Line"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one(
        "sales.plan", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    kind = fields.Selection(PLAN_LINE_KINDS, required=True, default="call")
    name = fields.Char(
        string="Work",
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    target_count = fields.Integer(string="Target")
    done_count = fields.Integer(
        string="Done",
        compute="_compute_done_count",
        store=True,
        help="Effective interactions (calls), logged visits and meetings, demos, "
        "e-mails and other interactions, or quotations sent (proposals), of the "
        "plan's salesperson (or team) in the period.",
    )
    remaining_count = fields.Integer(
        string="Remaining", compute="_compute_done_count", store=True
    )
    progress = fields.Float(
        string="Progress (%)",
        compute="_compute_done_count",
        store=True,
        aggregator="avg",
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    user_id = fields.Many2one(related="plan_id.user_id", store=True)
    team_id = fields.Many2one(related="plan_id.team_id", store=True)
    agent_id = fields.Many2one(related="plan_id.agent_id", store=True)
    period_id = fields.Many2one(related="plan_id.period_id", store=True)
    state = fields.Selection(related="plan_id.state", store=True, string="Status")

    _sql_constraints = [
        (
            "kind_unique",
            "UNIQUE(plan_id, kind)",
            "A plan has one line per kind of work.",
        ),
    ]

    @api.depends("kind")
    def _compute_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for line in self:
            if not line.name or line.name in labels.values():
                line.name = labels.get(line.kind, "")

    @api.depends(
        "kind",
        "target_count",
        "plan_id.owner_type",
        "plan_id.user_id",
        "plan_id.team_id",
        "plan_id.date_start",
        "plan_id.date_end",
        "plan_id.company_id",
    )
    def _compute_done_count(self):
        counts = self._count_done()
        for line in self:
            line.done_count = counts.get(line, 0)
            line.remaining_count = max(line.target_count - line.done_count, 0)
            line.progress = (
                100.0 * line.done_count / line.target_count
                if line.target_count
                else 0.0
            )

    @api.constrains("target_count")
    def _check_target_count(self):
        for line in self:
            if line.target_count < 0:
                raise ValidationError(
                    _(
                        "The target of %(work)s cannot be negative.",
                        work=line.name or line.kind,
                    )
                )

    @api.model
    def _progress_of(self, lines):
        """Done against target over ``lines``, each line capped at its target."""
        target = sum(lines.mapped("target_count"))
        if not target:
            return 0.0
        done = sum(min(line.done_count, line.target_count) for line in lines)
        return 100.0 * done / target

    def _count_done(self):
        """{line: done count}, in one grouped query per source and time zone.

        Interactions and quotations are dated in the company's quota time zone
        and counted per day, so that plans of the same owner over different
        periods (a month and its quarter) are counted from the same query.
        Agents' plans have no source: agents do not log work here.
        """
        lines = self.filtered(
            lambda line: line.plan_id.date_start
            and line.plan_id.date_end
            and (
                (line.plan_id.owner_type == "user" and line.plan_id.user_id)
                or (line.plan_id.owner_type == "team" and line.plan_id.team_id)
            )
        )
        by_tz = defaultdict(list)
        for line in lines:
            by_tz[line.plan_id.company_id.sales_quota_timezone or "UTC"].append(line)
        result = {}
        for tz, tz_lines in by_tz.items():
            tz_lines = self.browse().concat(*tz_lines)
            activity_lines = tz_lines.filtered(lambda line: line.kind != "proposal")
            proposal_lines = tz_lines - activity_lines
            per_day = defaultdict(lambda: defaultdict(int))
            if activity_lines:
                activity_lines._add_activity_counts(tz, per_day)
            if proposal_lines:
                proposal_lines._add_proposal_counts(tz, per_day)
            for line in tz_lines:
                plan = line.plan_id
                owner = (plan.owner_type, plan._owner().id)
                result[line] = sum(
                    count
                    for (day, kind), count in per_day[owner].items()
                    if kind == line.kind and plan.date_start <= day <= plan.date_end
                )
        return result

    def _source_domain(self, tz, date_field):
        plans = self.plan_id
        tzinfo = pytz.timezone(tz)
        start = min(plans.mapped("date_start"))
        stop = max(plans.mapped("date_end")) + timedelta(days=1)
        users = plans.filtered(lambda plan: plan.owner_type == "user").user_id
        teams = plans.filtered(lambda plan: plan.owner_type == "team").team_id
        return [
            (date_field, ">=", self._utc(tzinfo, start)),
            (date_field, "<", self._utc(tzinfo, stop)),
            ("company_id", "in", plans.company_id.ids),
            "|",
            ("user_id", "in", users.ids),
            ("team_id", "in", teams.ids),
        ]

    @api.model
    def _utc(self, tzinfo, day):
        local = tzinfo.localize(datetime.combine(day, time.min))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _day(self, value):
        return value.date() if isinstance(value, datetime) else value

    def _add_activity_counts(self, tz, per_day):
        """Add logged interactions to ``per_day[(owner type, id)][(day, kind)]``."""
        groups = (
            self.env["sales.activity"]
            .with_context(tz=tz)
            ._read_group(
                self._source_domain(tz, "date"),
                ["user_id", "team_id", "kind", "is_effective", "date:day"],
                ["__count"],
            )
        )
        line_kinds = {
            activity_kind: line_kind
            for line_kind, activity_kinds in ACTIVITY_KINDS.items()
            for activity_kind in activity_kinds
        }
        for user, team, kind, effective, date, count in groups:
            day = self._day(date)
            keys = []
            if effective:
                keys.append((day, "call"))
            if kind in line_kinds:
                keys.append((day, line_kinds[kind]))
            for key in keys:
                if user:
                    per_day[("user", user.id)][key] += count
                if team:
                    per_day[("team", team.id)][key] += count

    def _add_proposal_counts(self, tz, per_day):
        """Add quotations sent or confirmed, as proposals, to ``per_day``."""
        domain = self._source_domain(tz, "date_order") + [
            ("state", "in", PROPOSAL_STATES)
        ]
        groups = (
            self.env["sale.order"]
            .with_context(tz=tz)
            ._read_group(domain, ["user_id", "team_id", "date_order:day"], ["__count"])
        )
        for user, team, date, count in groups:
            key = (self._day(date), "proposal")
            if user:
                per_day[("user", user.id)][key] += count
            if team:
                per_day[("team", team.id)][key] += count

    def _mark_done_stale(self):
        """Recompute done counts whose sources (work, quotations) changed.

        Their sources are other documents, outside the fields the ORM follows:
        mark the line fields and the plan progress that depend on them.
        """
        if not self:
            return
        for field in self.pool.field_computed[self._fields["done_count"]]:
            self.env.add_to_compute(field, self)
        plans = self.plan_id
        for field in self.pool.field_computed[plans._fields["progress"]]:
            self.env.add_to_compute(field, plans)

    @api.model
    def _lines_for_sources(self, users, teams, dates, kinds=None):
        """Plan lines of these owners whose period holds one of ``dates``."""
        dates = [self._day(date) for date in dates if date]
        if not dates or not (users or teams):
            return self.browse()
        # the day may shift by the quota time zone: one day of margin
        domain = [
            ("plan_id.date_start", "<=", max(dates) + timedelta(days=1)),
            ("plan_id.date_end", ">=", min(dates) - timedelta(days=1)),
            "|",
            ("user_id", "in", users.ids),
            ("team_id", "in", teams.ids),
        ]
        if kinds:
            domain.append(("kind", "in", list(kinds)))
        # sudo: whoever logs work may not read the plans it counts for; only
        # their done counts are recomputed
        return self.sudo().search(domain)
