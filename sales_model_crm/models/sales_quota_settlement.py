# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class SalesQuotaSettlement(models.Model):
    """The settlement of a quota at its period close, kept for review.

    The figures are copied, not related: later edits of old invoices or of
    the quota itself do not rewrite a settled period.
    """

    _name = "sales.quota.settlement"
    _description = "Quota Settlement"
    _inherit = ["mail.thread"]
    _order = "date_end desc, id desc"
    _check_company_auto = True
    _rec_name = "quota_id"

    quota_id = fields.Many2one(
        "sales.quota", required=True, index=True, ondelete="restrict", readonly=True
    )
    company_id = fields.Many2one(related="quota_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    display_currency_id = fields.Many2one(related="quota_id.display_currency_id")
    period_id = fields.Many2one(related="quota_id.period_id", store=True)
    date_end = fields.Date(related="quota_id.date_end", store=True)
    owner_type = fields.Selection(related="quota_id.owner_type", store=True)
    user_id = fields.Many2one(related="quota_id.user_id", store=True)
    team_id = fields.Many2one(related="quota_id.team_id", store=True)
    agent_id = fields.Many2one(related="quota_id.agent_id", store=True)
    basis = fields.Selection(related="quota_id.basis", store=True)
    minimum = fields.Monetary(currency_field="display_currency_id", readonly=True)
    target = fields.Monetary(currency_field="display_currency_id", readonly=True)
    stretch = fields.Monetary(currency_field="display_currency_id", readonly=True)
    actual_amount = fields.Monetary(
        string="Actual", currency_field="display_currency_id", readonly=True
    )
    attainment = fields.Float(string="Attainment (%)", readonly=True, aggregator="avg")
    tier_reached = fields.Selection(
        [
            ("none", "Below minimum"),
            ("minimum", "Minimum"),
            ("target", "Target"),
            ("stretch", "Stretch"),
        ],
        readonly=True,
    )
    reward_amount = fields.Monetary(
        string="Reward / Penalty",
        currency_field="currency_id",
        readonly=True,
        help="Positive for a reward, negative for a penalty.",
    )
    settled_on = fields.Datetime(readonly=True)
    settled_by_id = fields.Many2one("res.users", string="Settled By", readonly=True)
    note = fields.Html()

    _sql_constraints = [
        ("quota_unique", "UNIQUE(quota_id)", "A quota is settled only once."),
    ]

    @api.model
    def _settle(self, quotas, today=None):
        """Settle confirmed quotas whose period has ended, once each.

        The final actuals are refreshed, then frozen on the settlement and the
        quota is closed, so that later edits of old documents do not rewrite a
        settled period. Quotas already settled are skipped: settling twice does
        nothing twice.
        """
        today = today or fields.Date.context_today(self)
        if not self.env.su and not self.env.user.has_group(
            "sales_team.group_sale_manager"
        ):
            raise UserError(_("Only a sales director settles quotas."))
        open_period = quotas.filtered(lambda quota: quota.date_end >= today)
        if open_period:
            raise UserError(
                _(
                    "%(name)s cannot be settled before its period ends on %(date)s.",
                    name=open_period[0].display_name,
                    date=open_period[0].date_end,
                )
            )
        drafts = quotas.filtered(lambda quota: quota.state == "draft")
        if drafts:
            raise UserError(
                _(
                    "%(name)s is a draft: confirm it before settling it.",
                    name=drafts[0].display_name,
                )
            )
        to_settle = quotas.filtered(
            lambda quota: quota.state == "confirmed" and not quota.settlement_ids
        )
        if not to_settle:
            return self.browse()
        self.env["sales.quota.progress"]._refresh(to_settle, today=today)
        now = fields.Datetime.now()
        settlements = self.create(
            [
                {
                    "quota_id": quota.id,
                    "minimum": quota.minimum,
                    "target": quota.target,
                    "stretch": quota.stretch,
                    "actual_amount": quota.actual_amount,
                    "attainment": quota.attainment,
                    "tier_reached": quota.tier_reached,
                    "reward_amount": quota._reward_for(quota.actual_amount),
                    "settled_on": now,
                    "settled_by_id": self.env.uid,
                }
                for quota in to_settle
            ]
        )
        to_settle.write({"state": "closed"})
        return settlements
