# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# sales.activity kind -> the company flag saying whether it counts
EFFECTIVE_KIND_FIELDS = {
    "call": "sales_effective_kind_call",
    "visit": "sales_effective_kind_visit",
    "meeting": "sales_effective_kind_meeting",
    "email": "sales_effective_kind_email",
    "demo": "sales_effective_kind_demo",
    "other": "sales_effective_kind_other",
}
# sales.activity outcome -> the company flag saying whether it counts
EFFECTIVE_OUTCOME_FIELDS = {
    "reached": "sales_effective_outcome_reached",
    "no_answer": "sales_effective_outcome_no_answer",
    "interested": "sales_effective_outcome_interested",
    "not_interested": "sales_effective_outcome_not_interested",
    "follow_up": "sales_effective_outcome_follow_up",
    "deal": "sales_effective_outcome_deal",
}


class ResCompany(models.Model):
    """What counts as an effective call, and the decomposition's fallbacks.

    The reverse funnel needs three ratios; when neither the quota nor its
    team sets one, the company's applies (the playbook's 20 prospects per
    deal and 10 calls per prospect).
    """

    _inherit = "res.company"

    sales_quota_avg_deal_size = fields.Monetary(
        string="Default Average Deal Size",
        currency_field="currency_id",
        help="Used by quotas whose team has no average deal size of its own.",
    )
    sales_quota_prospects_per_deal = fields.Float(
        string="Default Prospects per Deal",
        default=20.0,
        help="Used by quotas whose team has no ratio of its own.",
    )
    sales_quota_calls_per_prospect = fields.Float(
        string="Default Calls per Prospect",
        default=10.0,
        help="Used by quotas whose team has no ratio of its own.",
    )

    # what counts as an effective call (有效拜访)
    sales_effective_kind_call = fields.Boolean(string="Calls Count", default=True)
    sales_effective_kind_visit = fields.Boolean(string="Visits Count", default=True)
    sales_effective_kind_meeting = fields.Boolean(string="Meetings Count")
    sales_effective_kind_email = fields.Boolean(string="E-mails Count")
    sales_effective_kind_demo = fields.Boolean(string="Demos Count")
    sales_effective_kind_other = fields.Boolean(string="Other Interactions Count")
    sales_effective_min_minutes = fields.Integer(
        string="Minimum Duration (minutes)",
        default=0,
        help="Shorter interactions are not effective; 0 counts any duration.",
    )
    sales_effective_outcome_reached = fields.Boolean(
        string="Outcome Reached Counts", default=True
    )
    sales_effective_outcome_no_answer = fields.Boolean(
        string="Outcome No Answer Counts"
    )
    sales_effective_outcome_interested = fields.Boolean(
        string="Outcome Interested Counts", default=True
    )
    sales_effective_outcome_not_interested = fields.Boolean(
        string="Outcome Not Interested Counts", default=True
    )
    sales_effective_outcome_follow_up = fields.Boolean(
        string="Outcome Follow-up Counts", default=True
    )
    sales_effective_outcome_deal = fields.Boolean(
        string="Outcome Deal Counts", default=True
    )

    @api.constrains(
        "sales_quota_avg_deal_size",
        "sales_quota_prospects_per_deal",
        "sales_quota_calls_per_prospect",
        "sales_effective_min_minutes",
    )
    def _check_sales_quota_defaults(self):
        for company in self:
            if (
                company.sales_quota_avg_deal_size < 0
                or company.sales_quota_prospects_per_deal < 0
                or company.sales_quota_calls_per_prospect < 0
            ):
                raise ValidationError(
                    _(
                        "The decomposition ratios of %(company)s cannot be "
                        "negative.",
                        company=company.name,
                    )
                )
            if not 0 <= company.sales_effective_min_minutes <= 24 * 60:
                raise ValidationError(
                    _(
                        "The minimum duration of an effective call of %(company)s "
                        "must be between 0 and 1440 minutes.",
                        company=company.name,
                    )
                )

    def _sales_effective_kinds(self):
        """The sales.activity kinds that count as calls for this company."""
        self.ensure_one()
        return [kind for kind, fname in EFFECTIVE_KIND_FIELDS.items() if self[fname]]

    def _sales_effective_outcomes(self):
        """The sales.activity outcomes that make a call effective."""
        self.ensure_one()
        return [
            outcome
            for outcome, fname in EFFECTIVE_OUTCOME_FIELDS.items()
            if self[fname]
        ]

    def _sales_is_effective_call(self, kind, duration_hours, outcome):
        """Whether an interaction counts toward the daily call target."""
        self.ensure_one()
        if not outcome or kind not in self._sales_effective_kinds():
            return False
        if outcome not in self._sales_effective_outcomes():
            return False
        # durations are kept in hours; half a second of float noise is no call
        return duration_hours * 60 + 1e-6 >= self.sales_effective_min_minutes
