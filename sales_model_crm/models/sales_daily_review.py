# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .batch_isolation import run_isolated

_logger = logging.getLogger(__name__)


# what a manager writes on a review; the salesperson writes the rest
MANAGER_FIELDS = frozenset({"manager_comment", "score"})
# the figures read from the system by _refresh_figures()
FIGURE_FIELDS = (
    "planned_count",
    "done_count",
    "effective_call_count",
    "call_target",
    "visit_count",
    "new_lead_count",
    "quotation_count",
    "order_count",
    "collected_amount",
)


class SalesDailyReview(models.Model):
    """A salesperson's day (日报) and its review by the team leader (检视).

    The figures come from the system (activities planned and done, effective
    calls against the plan's daily target, leads, quotations, orders and
    collections); the salesperson adds a summary, tomorrow's plan and the
    problems met; the team leader annotates and scores the day.
    """

    _name = "sales.daily.review"
    _description = "Daily Review"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.owned.mixin"]
    _order = "date desc, user_id"
    _check_company_auto = True
    # the salesperson answers the manager's comment on a review they can no
    # longer edit
    _mail_post_access = "read"

    name = fields.Char(compute="_compute_name", store=True)
    user_id = fields.Many2one(required=True, default=lambda self: self.env.user)
    manager_id = fields.Many2one(
        "res.users",
        string="Team Leader",
        related="team_id.user_id",
        store=True,
        index=True,
    )
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("reviewed", "Reviewed")],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    # --- from the system ----------------------------------------------------
    planned_count = fields.Integer(
        string="Planned",
        help="Calls, visits and tasks planned for that day in this company: a "
        "plan's day of 30 calls counts 30.",
    )
    done_count = fields.Integer(
        string="Done", help="Calls, visits and other interactions logged that day."
    )
    effective_call_count = fields.Integer(string="Effective Calls")
    call_target = fields.Integer(
        help="Effective calls per day of the salesperson's running plan.",
    )
    call_gap = fields.Integer(
        compute="_compute_call_gap",
        store=True,
        help="Effective calls missing to reach the daily target.",
    )
    is_behind = fields.Boolean(
        string="Behind",
        compute="_compute_call_gap",
        store=True,
        help="Fewer effective calls than the daily target.",
    )
    visit_count = fields.Integer(string="Visits")
    new_lead_count = fields.Integer(string="New Prospects")
    quotation_count = fields.Integer(string="Quotations Sent")
    order_count = fields.Integer(string="Orders Confirmed")
    collected_amount = fields.Monetary(string="Collected", currency_field="currency_id")
    # --- from the salesperson -----------------------------------------------
    summary = fields.Html(help="What went well, what did not.")
    tomorrow_plan = fields.Html(string="Tomorrow's Plan")
    problem_ids = fields.One2many("sales.problem", "review_id", string="Problems")
    problem_count = fields.Integer(compute="_compute_problem_count")
    # --- from the team leader -----------------------------------------------
    manager_comment = fields.Text(string="Manager's Comment", tracking=True)
    score = fields.Selection(
        [("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5")],
        tracking=True,
        help="The team leader's score of the day, 1 (poor) to 5 (excellent).",
    )
    reviewed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    reviewed_date = fields.Datetime(readonly=True, copy=False)

    _sql_constraints = [
        (
            "user_date_unique",
            "UNIQUE(user_id, date)",
            "A salesperson has one review per day.",
        ),
    ]

    @api.depends("user_id.name", "date")
    def _compute_name(self):
        for review in self:
            review.name = " · ".join(
                part
                for part in (review.user_id.name, review.date and str(review.date))
                if part
            )

    @api.depends("call_target", "effective_call_count")
    def _compute_call_gap(self):
        for review in self:
            review.call_gap = max(review.call_target - review.effective_call_count, 0)
            review.is_behind = review.call_gap > 0

    def _compute_problem_count(self):
        for review in self:
            review.problem_count = len(review.problem_ids)

    # --- rules --------------------------------------------------------------

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        for review in self:
            # the day has happened where the salesperson is: the cron (UTC)
            # makes the day of a salesperson already in tomorrow (UTC+14)
            local_today = max(today, *self._local_days(review.user_id))
            if review.date > local_today:
                raise ValidationError(
                    _(
                        "A day is reviewed once it has happened: %(date)s is in "
                        "the future.",
                        date=review.date,
                    )
                )

    @api.model
    def _check_days_free(self, pairs, exclude_ids=()):
        """Refuse a second review of a salesperson's day with a clear message
        (before the SQL constraint, which only names itself).

        :param pairs: (user id, date) of the reviews about to be saved
        """
        pairs = [(user_id, fields.Date.to_date(day)) for user_id, day in pairs]
        # sudo: another user's review of the day may be hidden by the rules,
        # only its existence is read
        taken = {
            (review.user_id.id, review.date)
            for review in self.sudo().search(
                [
                    ("user_id", "in", [user_id for user_id, _day in pairs]),
                    ("date", "in", [day for _user_id, day in pairs]),
                    ("id", "not in", list(exclude_ids)),
                ]
            )
        }
        seen = set()
        for user_id, day in pairs:
            if (user_id, day) in taken or (user_id, day) in seen:
                raise ValidationError(
                    _(
                        "%(user)s already has a review for %(date)s: open it "
                        "instead of creating another one.",
                        # sudo: only the name of the user the review is for
                        user=self.env["res.users"].browse(user_id).sudo().name,
                        date=day,
                    )
                )
            seen.add((user_id, day))

    def _is_reviewer(self):
        """Whether the current user reviews these days: their team leader or a
        director (the superuser, for crons, too)."""
        user = self.env.user
        if self.env.su or user.has_group("sales_team.group_sale_manager"):
            return True
        if not user.has_group("sales_model_crm.group_sales_team_manager"):
            return False
        managed = user.sales_model_managed_user_ids
        return all(
            review.manager_id == user or review.user_id in managed for review in self
        )

    def _check_editable(self, vals):
        if self._is_reviewer():
            return
        if MANAGER_FIELDS & set(vals) or "reviewed_by_id" in vals:
            raise UserError(
                _("Only the team leader or a director comments and scores a day.")
            )
        if "state" in vals and vals["state"] != "submitted":
            # the salesperson submits; reviewing and reopening are the leader's
            raise UserError(
                _("Only the team leader or a director reviews or reopens a day.")
            )
        if self.filtered(lambda review: review.state == "reviewed"):
            raise UserError(
                _(
                    "A reviewed day is closed: answer the comment in the "
                    "chatter instead of editing it."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # the date is read below before base's create checks it: a typed
            # "2023-02-29" must be a message, not a ValueError (issue 7)
            self._sales_check_input(vals)
            if not self.env.su and (
                MANAGER_FIELDS & set(vals) or vals.get("state") == "reviewed"
            ):
                self.browse()._check_editable(vals)
        self._check_days_free(
            [
                (
                    vals.get("user_id")
                    or self.env.context.get("default_user_id")
                    or self.env.user.id,
                    vals.get("date")
                    or self.env.context.get("default_date")
                    or fields.Date.context_today(self),
                )
                for vals in vals_list
            ]
        )
        reviews = super().create(vals_list)
        reviews._refresh_figures()
        return reviews

    def write(self, vals):
        self._check_editable(vals)
        if "user_id" in vals or "date" in vals:
            self._check_days_free(
                [
                    (
                        vals.get("user_id", review.user_id.id),
                        vals.get("date", review.date),
                    )
                    for review in self
                ],
                exclude_ids=self.ids,
            )
        res = super().write(vals)
        if MANAGER_FIELDS & set(vals):
            # a score written inline in the team's list closes the review
            self.filtered(
                lambda review: review.state == "submitted" and review.score
            )._mark_reviewed()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if not self._is_reviewer() and self.filtered(
            lambda review: review.state != "draft"
        ):
            raise UserError(
                _("A submitted or reviewed day cannot be deleted by the salesperson.")
            )

    # --- actions ------------------------------------------------------------

    def action_refresh(self):
        self.filtered(lambda review: review.state == "draft")._refresh_figures()
        return True

    def action_submit(self):
        drafts = self.filtered(lambda review: review.state == "draft")
        if not drafts:
            raise UserError(_("Only a draft day can be submitted."))
        drafts._refresh_figures()
        drafts.write({"state": "submitted"})
        for review in drafts.filtered("manager_id"):
            review.message_post(
                body=_(
                    "%(user)s submitted the day %(date)s for review.",
                    user=review.user_id.name,
                    date=review.date,
                ),
                partner_ids=review.manager_id.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        # the reminder to submit is done
        drafts.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_review(self):
        if not self._is_reviewer():
            raise UserError(_("Only the team leader or a director reviews a day."))
        if self.filtered(lambda review: review.state != "submitted"):
            raise UserError(_("Only a submitted day can be reviewed."))
        if self.filtered(lambda review: not review.score):
            raise UserError(_("Give the day a score (1 to 5) before reviewing it."))
        self._mark_reviewed()
        return True

    def action_reset_draft(self):
        if not self._is_reviewer():
            raise UserError(_("Only the team leader or a director reopens a day."))
        self.write({"state": "draft", "reviewed_by_id": False, "reviewed_date": False})
        return True

    def _mark_reviewed(self):
        # called by a reviewer only (action_review, or a score they wrote)
        self.write(
            {
                "state": "reviewed",
                "reviewed_by_id": self.env.user.id,
                "reviewed_date": fields.Datetime.now(),
            }
        )
        for review in self:
            body = _(
                "%(manager)s reviewed your day %(date)s: score %(score)s/5.",
                manager=self.env.user.name,
                date=review.date,
                score=review.score,
            )
            if review.manager_comment:
                # both parts are escaped, the line break is kept
                body = Markup("%s<br/>%s") % (body, review.manager_comment)
            # notify the salesperson, who answers in the chatter
            review.message_post(
                body=body,
                partner_ids=review.user_id.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )

    # --- figures from the system --------------------------------------------

    def _refresh_figures(self):
        """Fill the figures of many days at once: one grouped read per source."""
        if not self:
            return
        users = self.user_id
        day_from, day_to = min(self.mapped("date")), max(self.mapped("date"))
        # days in the reader's time zone (the company's people share one):
        # the bounds and the grouping by day must agree
        tz_name = self.env.context.get("tz") or self.env.user.tz or "UTC"
        tz = pytz.timezone(tz_name)

        def utc_bound(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        dt_from, dt_to = utc_bound(day_from), utc_bound(day_to + timedelta(days=1))
        # keyed by (user id, day, company id): a review counts the documents
        # of its own company only (a salesperson of two companies has one
        # review a day, and company A's reviewer must not see company B's
        # figures)
        figures = defaultdict(lambda: defaultdict(float))
        companies = self.company_id.ids
        # sudo: the reviewer reads the salesperson's figures whatever the
        # record rules of each source; only counts and sums are kept
        env = self.sudo().with_context(tz=tz_name).env

        for user_id, company_id, day, count, _ids in env[
            "mail.activity"
        ]._sales_planned_units(users, day_from, day_to, exclude_model=self._name):
            figures[user_id, day, company_id]["planned_count"] += count

        for user, day, company, kind, effective, count in env[
            "sales.activity"
        ]._read_group(
            [
                ("user_id", "in", users.ids),
                ("company_id", "in", companies),
                ("date", ">=", dt_from),
                ("date", "<", dt_to),
            ],
            ["user_id", "date:day", "company_id", "kind", "is_effective"],
            ["__count"],
        ):
            key = (user.id, fields.Date.to_date(day), company.id)
            figures[key]["done_count"] += count
            if effective:
                figures[key]["effective_call_count"] += count
            if kind == "visit":
                figures[key]["visit_count"] += count

        for user, day, company, count in (
            env["crm.lead"]
            .with_context(active_test=False)
            ._read_group(
                [
                    ("user_id", "in", users.ids),
                    ("company_id", "in", companies),
                    ("create_date", ">=", dt_from),
                    ("create_date", "<", dt_to),
                ],
                ["user_id", "create_date:day", "company_id"],
                ["__count"],
            )
        ):
            key = (user.id, fields.Date.to_date(day), company.id)
            figures[key]["new_lead_count"] += count

        for user, day, company, state, count in env["sale.order"]._read_group(
            [
                ("user_id", "in", users.ids),
                ("company_id", "in", companies),
                ("state", "in", ("sent", "sale")),
                ("date_order", ">=", dt_from),
                ("date_order", "<", dt_to),
            ],
            ["user_id", "date_order:day", "company_id", "state"],
            ["__count"],
        ):
            field = "quotation_count" if state == "sent" else "order_count"
            figures[user.id, fields.Date.to_date(day), company.id][field] += count

        for user_id, company_id, day, amount in self._collections(
            users, day_from, day_to
        ):
            figures[user_id, day, company_id]["collected_amount"] += amount

        targets = self._call_targets(users, day_from, day_to)
        for review in self:
            user_day = (review.user_id.id, review.date)
            values = figures[user_day + (review.company_id.id,)]
            vals = {field: values.get(field, 0) for field in FIGURE_FIELDS}
            vals["call_target"] = targets(review.user_id, review.date)
            # the figures are the system's: written as such, whoever refreshes
            super(SalesDailyReview, review).write(vals)

    def _collections(self, users, day_from, day_to):
        """(user id, company id, day, amount) collected on the users' customer
        invoices of the reviews' companies, dated by the reconciliation (the
        payment matched to the invoice)."""
        self.env["account.partial.reconcile"].flush_model()
        self.env["account.move.line"].flush_model(["move_id"])
        self.env["account.move"].flush_model(
            ["invoice_user_id", "move_type", "company_id"]
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT move.invoice_user_id, move.company_id, apr.max_date,
                       SUM(apr.amount)
                  FROM account_partial_reconcile apr
                  JOIN account_move_line line ON line.id = apr.debit_move_id
                  JOIN account_move move ON move.id = line.move_id
                 WHERE move.move_type = 'out_invoice'
                   AND move.invoice_user_id IN %(users)s
                   AND move.company_id IN %(companies)s
                   AND apr.max_date BETWEEN %(day_from)s AND %(day_to)s
                 GROUP BY move.invoice_user_id, move.company_id, apr.max_date
                """,
                users=tuple(users.ids),
                companies=tuple(self.company_id.ids),
                day_from=day_from,
                day_to=day_to,
            )
        )
        return self.env.cr.fetchall()

    def _call_targets(self, users, day_from, day_to):
        """A function (user, day) -> the daily call target of the user's
        running plan on that day, 0 without one."""
        # sudo: the reviewed salespeople's running plans, read for their
        # daily call target only (the reviewer may not read the plan)
        plans = (
            self.env["sales.plan"]
            .sudo()
            .search(
                [
                    ("owner_type", "=", "user"),
                    ("user_id", "in", users.ids),
                    ("state", "=", "active"),
                    ("date_start", "<=", day_to),
                    ("date_end", ">=", day_from),
                ]
            )
        )

        def target(user, day):
            plan = plans.filtered(
                lambda plan: plan.user_id == user
                and plan.date_start <= day <= plan.date_end
            )[:1]
            return plan.daily_call_target if plan else 0

        return target

    # --- the inspector's table and the crons --------------------------------

    @api.model
    def _ensure_reviews(self, users, day):
        """The reviews of ``users`` for ``day``, made (as drafts) when missing."""
        # sudo: which of these days exist, hidden by the rules or not, so
        # that none is made twice; callers read the result with their rights
        existing = self.sudo().search(
            [("user_id", "in", users.ids), ("date", "=", day)]
        )
        missing = users - existing.user_id
        # crons and the inspector make the day of each salesperson: made as
        # superuser so a team leader sees all members' rows; rules still
        # filter what each user reads afterwards
        created = self.sudo().create(
            [
                {
                    "user_id": user.id,
                    "date": day,
                    "company_id": user.company_id.id,
                }
                for user in missing
            ]
        )
        return existing | created

    @api.model
    def _team_salespeople(self, teams):
        # the team leader reviews the day, the members report it
        return (teams.member_ids - teams.user_id).filtered(
            lambda user: user.active and not user.share
        )

    @api.model
    def action_open_inspector(self):
        """Today's table: a row per salesperson of the teams the user sees."""
        today = fields.Date.context_today(self)
        teams = self.env["crm.team"].search([])
        if not self.env.user.has_group("sales_team.group_sale_manager"):
            teams = teams.filtered(lambda team: team.user_id == self.env.user)
        reviews = self._ensure_reviews(self._team_salespeople(teams), today)
        reviews.filtered(lambda review: review.state == "draft")._refresh_figures()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_model_crm.sales_daily_review_action_inspector"
        )
        action["domain"] = [("date", "=", today)]
        return action

    @api.model
    def _local_days(self, users):
        """``{day: users}``: the day it is for each user, in the user's time
        zone (the cron's own, usually UTC, for a user without one).

        A review is the salesperson's local day: with the server's UTC day, a
        salesperson in Honolulu (UTC-10) was reminded twice on one afternoon
        when the cron ran on both sides of UTC midnight, and one in Kiritimati
        (UTC+14) was reminded about tomorrow's review.
        """
        days = {}
        for user in users:
            record = self.with_context(tz=user.tz) if user.tz else self
            day = fields.Date.context_today(record)
            days[day] = days.get(day, users.browse()) | user
        return days

    @api.model
    def _cron_remind_unsubmitted(self):
        """Remind each salesperson once a day to submit the day's review."""
        salespeople = self._team_salespeople(self.env["crm.team"].search([]))
        for day, users in self._local_days(salespeople).items():
            # one salesperson whose day cannot be made or reminded (a
            # constraint, an override) must not leave the others unreminded
            run_isolated(
                self.env,
                users,
                lambda batch, day=day: self._ensure_reviews(
                    batch, day
                )._remind_submit(),
                "Daily review reminder of user %s failed: skipped",
                _logger,
            )

    def _remind_submit(self):
        """An activity to submit the day, once, on the draft reviews."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        for review in self.filtered(lambda review: review.state == "draft"):
            if review.activity_ids.filtered(
                lambda act, review=review: act.activity_type_id == todo
                and act.user_id == review.user_id
            ):
                continue
            review.activity_schedule(
                act_type_xmlid="mail.mail_activity_data_todo",
                date_deadline=review.date,
                summary=_("Submit today's review"),
                user_id=review.user_id.id,
            )

    @api.model
    def _cron_team_day_summary(self):
        """Post each team's day to its leader, once a day.

        The day is the leader's local day: with the cron's (UTC) day, a leader
        in Kiritimati (UTC+14) got the summary of a day that, for them, ended
        hours ago, or two in one local day across UTC midnight in Honolulu.
        """
        teams = self.env["crm.team"].search([("user_id", "!=", False)])
        for day, leaders in self._local_days(teams.user_id).items():
            due = teams.filtered(
                lambda team, day=day, leaders=leaders: team.user_id in leaders
                and (
                    not team.sales_review_summary_date
                    or team.sales_review_summary_date < day
                )
            )
            if due:
                # one team whose day cannot be posted must not stop the others
                run_isolated(
                    self.env,
                    due,
                    lambda batch, day=day: self._post_team_day(batch, day),
                    "Team day summary of team %s failed: skipped",
                    _logger,
                )

    @api.model
    def _post_team_day(self, teams, day):
        members = self._team_salespeople(teams)
        # a member in a time zone behind the leader's has no such day yet
        # (a review of a future day is refused): only the members' days so far
        # are made, the others are listed as not started
        started = members.browse().union(
            *(users for when, users in self._local_days(members).items() if when >= day)
        )
        reviews = self._ensure_reviews(started, day)
        reviews.filtered(lambda review: review.state == "draft")._refresh_figures()
        states = dict(self._fields["state"]._description_selection(self.env))
        for team in teams:
            days = reviews.filtered(lambda review, team=team: review.team_id == team)
            behind = days.filtered("is_behind")
            # every member of the team is named, with the day's figures or why
            # there are none: the leader sees who is missing, not only totals
            lines = []
            for member in self._team_salespeople(team).sorted("name"):
                review = reviews.filtered(
                    lambda review, member=member: review.user_id == member
                )[:1]
                if not review:
                    lines.append(
                        _(
                            "%(name)s: the day has not started yet in their "
                            "time zone (%(tz)s).",
                            name=member.name,
                            tz=member.tz or "UTC",
                        )
                    )
                    continue
                lines.append(
                    _(
                        "%(name)s: %(done)s interactions done, %(effective)s "
                        "effective calls against a target of %(target)s; "
                        "%(state)s.",
                        name=member.name,
                        done=review.done_count,
                        effective=review.effective_call_count,
                        target=review.call_target,
                        state=_("not submitted")
                        if review.state == "draft"
                        else states[review.state],
                    )
                )
            summary = _(
                "Day %(date)s: %(done)s interactions done, %(effective)s "
                "effective calls against a target of %(target)s; %(submitted)s "
                "of %(total)s days submitted. Behind: %(behind)s.",
                date=day,
                done=sum(days.mapped("done_count")),
                effective=sum(days.mapped("effective_call_count")),
                target=sum(days.mapped("call_target")),
                submitted=len(days.filtered(lambda r: r.state != "draft")),
                total=len(days),
                behind=", ".join(behind.user_id.mapped("name")) or _("nobody"),
            )
            body = Markup("<p>%s</p><ul>%s</ul>") % (
                summary,
                Markup().join(Markup("<li>%s</li>") % line for line in lines),
            )
            team.message_post(
                body=body,
                partner_ids=team.user_id.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        teams.write({"sales_review_summary_date": day})
