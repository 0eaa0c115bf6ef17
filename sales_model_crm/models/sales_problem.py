# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .batch_isolation import run_isolated

_logger = logging.getLogger(__name__)


class SalesProblem(models.Model):
    """A key problem (关键问题) met in the field: raised in a daily review or
    on a lead, followed until solved, escalated to the team leader when it
    stays open."""

    _name = "sales.problem"
    _description = "Sales Problem"
    _inherit = ["mail.thread", "mail.activity.mixin", "sales.owned.mixin"]
    _order = "state_sequence, date_raised, id"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, tracking=True)
    description = fields.Html()
    user_id = fields.Many2one(
        string="Owner", required=True, default=lambda self: self.env.user
    )
    manager_id = fields.Many2one(
        "res.users", string="Team Leader", related="team_id.user_id", store=True
    )
    source = fields.Selection(
        [("review", "Daily Review"), ("lead", "Lead"), ("other", "Other")],
        compute="_compute_source",
        store=True,
        readonly=False,
        precompute=True,
    )
    review_id = fields.Many2one(
        "sales.daily.review",
        string="Daily Review",
        index="btree_not_null",
        ondelete="cascade",
        check_company=True,
    )
    lead_id = fields.Many2one(
        "crm.lead",
        string="Lead",
        index="btree_not_null",
        check_company=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
    )
    state = fields.Selection(
        [("open", "Open"), ("escalated", "Escalated"), ("solved", "Solved")],
        default="open",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    date_raised = fields.Date(
        required=True, default=fields.Date.context_today, index=True
    )
    date_solved = fields.Date(readonly=True, copy=False)
    age_days = fields.Integer(
        string="Age (days)",
        compute="_compute_age_days",
        search="_search_age_days",
        help="Days since the problem was raised (until it was solved).",
    )
    overdue_notified = fields.Boolean(
        readonly=True,
        copy=False,
        help="The team leader was told the problem stays open.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.depends("review_id", "lead_id")
    def _compute_source(self):
        for problem in self:
            if problem.review_id:
                problem.source = "review"
            elif problem.lead_id:
                problem.source = "lead"
            else:
                problem.source = problem.source or "other"

    @api.depends("lead_id")
    def _compute_partner_id(self):
        for problem in self:
            problem.partner_id = problem.lead_id.partner_id or problem.partner_id

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {"escalated": 0, "open": 1, "solved": 2}
        for problem in self:
            problem.state_sequence = order.get(problem.state, 1)

    @api.depends("date_raised", "date_solved")
    def _compute_age_days(self):
        today = fields.Date.context_today(self)
        for problem in self:
            end = problem.date_solved or today
            problem.age_days = (
                (end - problem.date_raised).days if problem.date_raised else 0
            )

    def _search_age_days(self, operator, value):
        # the age of an open problem grows by itself: search on the raise date
        flipped = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "=": "="}
        if operator not in flipped or not isinstance(value, int):
            raise UserError(_("Search the age of problems with a number of days."))
        day = fields.Date.context_today(self) - timedelta(days=value)
        return [("date_raised", flipped[operator], day)]

    # --- actions ------------------------------------------------------------

    def action_escalate(self):
        problems = self.filtered(lambda problem: problem.state == "open")
        if not problems:
            raise UserError(_("Only an open problem can be escalated."))
        problems.write({"state": "escalated"})
        problems._notify_manager(_("Escalated: %(title)s"))
        return True

    def action_solve(self):
        self.write({"state": "solved", "date_solved": fields.Date.context_today(self)})
        return True

    def action_reopen(self):
        self.write({"state": "open", "date_solved": False, "overdue_notified": False})
        return True

    def _notify_manager(self, summary):
        """An activity to the owner's team leader (none without a leader)."""
        for problem in self.filtered("manager_id"):
            # the owner's leader may not see the owner's record through the
            # rules of the current user; the activity only points to it
            problem.sudo().activity_schedule(
                act_type_xmlid="mail.mail_activity_data_todo",
                summary=summary % {"title": problem.name},
                user_id=problem.manager_id.id,
            )

    @api.model
    def _cron_notify_stale(self):
        """Problems open for N days (company setting): tell the leader once."""
        for company in self.env["res.company"].search([]):
            days = company.sales_problem_escalation_days
            if days <= 0:
                continue
            # "open for N days" counts the owner's days, not the cron's: any
            # two local days (UTC-12 to UTC+14) are at most two days apart
            limit = fields.Date.context_today(self) + timedelta(days=2 - days)
            stale = self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "open"),
                    ("overdue_notified", "=", False),
                    ("date_raised", "<=", limit),
                ]
            )
            for today, owners in (
                self.env["sales.daily.review"]._local_days(stale.user_id).items()
            ):
                raised_by = today - timedelta(days=days)
                due = stale.filtered(
                    lambda problem, owners=owners, raised_by=raised_by: problem.user_id
                    in owners
                    and problem.date_raised <= raised_by
                )
                # one problem that cannot be escalated must not stop the others
                run_isolated(
                    self.env,
                    due,
                    lambda batch: batch._escalate_stale(),
                    "Escalation of sales problem %s failed: skipped",
                    _logger,
                )

    def _escalate_stale(self):
        self._notify_manager(_("Open for too long: %(title)s"))
        self.write({"overdue_notified": True})
