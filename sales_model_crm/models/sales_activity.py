# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# the fields a plan's done counts read (is_effective follows from kind,
# duration and outcome, or is ticked by hand): changing them recounts plans
PLAN_COUNTED_FIELDS = frozenset(
    {"kind", "date", "user_id", "team_id", "company_id"}
    | {"outcome", "duration", "is_effective"}
)


class SalesActivity(models.Model):
    """A call, visit, meeting, e-mail or demo that was done: a visit record.

    Every interaction with a customer is kept here, so that a successor sees
    it and a departing salesperson cannot take it along.
    """

    _name = "sales.activity"
    _description = "Visit Record"
    _inherit = ["mail.thread", "sales.owned.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Summary", required=True, tracking=True)
    kind = fields.Selection(
        [
            ("call", "Call"),
            ("visit", "Visit"),
            ("meeting", "Meeting"),
            ("email", "E-mail"),
            ("demo", "Demo"),
            ("other", "Other"),
        ],
        required=True,
        default="call",
        tracking=True,
    )
    date = fields.Datetime(
        required=True, default=fields.Datetime.now, index=True, tracking=True
    )
    duration = fields.Float(string="Duration (hours)", default=0.0)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id",
        store=True,
        index=True,
        string="Customer Company",
    )
    contact_id = fields.Many2one(
        "res.partner",
        string="Contact",
        domain="[('id', 'child_of', commercial_partner_id)]",
        check_company=True,
    )
    user_id = fields.Many2one(required=True, default=lambda self: self.env.user)
    # not precomputed: the team is computed after the insert, as it always
    # was for visit records (the mixin is not to change when it is computed)
    team_id = fields.Many2one(precompute=False)
    lead_id = fields.Many2one(
        "crm.lead",
        string="Opportunity",
        index="btree_not_null",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    outcome = fields.Selection(
        [
            ("reached", "Reached"),
            ("no_answer", "No Answer"),
            ("interested", "Interested"),
            ("not_interested", "Not Interested"),
            ("follow_up", "Follow-up Agreed"),
            ("deal", "Deal"),
        ],
        tracking=True,
    )
    is_effective = fields.Boolean(
        string="Effective",
        compute="_compute_is_effective",
        store=True,
        readonly=False,
        help="Counts toward the daily target of effective calls. The company "
        "settings say which kinds, durations and outcomes count (by default a "
        "call or visit with any outcome but No Answer).",
    )
    note = fields.Html()
    purchase_cycle_id = fields.Many2one(
        "sales.purchase.cycle",
        string="Refill Reminder",
        index="btree_not_null",
        ondelete="set null",
        help="The purchase cycle this call or visit follows up: logging it "
        "marks the refill reminder done.",
    )

    @api.depends("kind", "duration", "outcome")
    def _compute_is_effective(self):
        # the company says which kinds, durations and outcomes count; a
        # manager may still tick or untick one record by hand. A change of the
        # settings applies to interactions logged or edited from then on: the
        # history is not rewritten, nor are the flags set by hand.
        for activity in self:
            company = activity.company_id or self.env.company
            activity.is_effective = company._sales_is_effective_call(
                activity.kind, activity.duration, activity.outcome
            )

    @api.onchange("lead_id")
    def _onchange_lead_id(self):
        if self.lead_id.partner_id:
            self.partner_id = self.lead_id.partner_id

    @api.constrains("duration")
    def _check_duration(self):
        for activity in self:
            if not 0 <= activity.duration <= 24:
                raise ValidationError(
                    _("The duration of an interaction must be between 0 and 24 hours.")
                )

    @api.constrains("date")
    def _check_date(self):
        # a record of work done: tomorrow's work is planned, not logged
        limit = fields.Datetime.now() + timedelta(days=1)
        for activity in self:
            if activity.date > limit:
                raise ValidationError(
                    _("An interaction cannot be logged in the future.")
                )

    # --- what logging work changes elsewhere ---------------------------------
    # A plan line counts the logged work of its owner in its period: logging,
    # editing or deleting work marks those lines for recount. A call logged
    # from a refill reminder marks the reminder done.

    def _sales_plan_lines(self):
        return self.env["sales.plan.line"]._lines_for_sources(
            self.user_id, self.team_id, self.mapped("date")
        )

    @api.model_create_multi
    def create(self, vals_list):
        activities = super().create(vals_list)
        activities._sales_plan_lines()._mark_done_stale()
        reminders = activities.purchase_cycle_id.reminder_activity_id.filtered("active")
        for reminder in reminders:
            logged = activities.filtered(
                lambda rec, act=reminder: rec.purchase_cycle_id.reminder_activity_id
                == act
            )[:1]
            # this record is the interaction: closing its reminder must not
            # log it a second time
            reminder.with_context(sales_activity_no_log=True).action_feedback(
                feedback=logged.name
            )
        return activities

    def write(self, vals):
        if not PLAN_COUNTED_FIELDS & set(vals):
            return super().write(vals)
        before = self._sales_plan_lines()
        res = super().write(vals)
        (before | self._sales_plan_lines())._mark_done_stale()
        return res

    def unlink(self):
        lines = self._sales_plan_lines()
        res = super().unlink()
        lines.exists()._mark_done_stale()
        return res
