# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class SalesCustomerTier(models.Model):
    """A customer tier: platinum, gold, silver, ordinary, ...

    Customers are ranked by revenue; a customer belongs to the first tier (in
    sequence order) whose cumulative revenue share it falls within and whose
    revenue floor it reaches. The last tier takes everyone else.
    """

    _name = "sales.customer.tier"
    _description = "Customer Tier"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(
        default=10, help="Best tier first: tiers are tried in this order."
    )
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to use the tier in every company that defines no tiers "
        "of its own.",
    )
    currency_id = fields.Many2one(
        "res.currency", compute="_compute_currency_id", string="Currency"
    )
    cumulative_share = fields.Float(
        string="Cumulative Share (%)",
        default=100.0,
        digits=(5, 2),
        help="Pareto cut: a customer belongs to this tier when the customers "
        "ranked above it make less than this share of revenue. 80 means "
        "'the customers who make the first 80 % of revenue'.",
    )
    revenue_floor = fields.Monetary(
        currency_field="currency_id",
        help="Minimum revenue over the tier window to belong to this tier, in "
        "company currency. 0 means no floor.",
    )
    description = fields.Text(translate=True)
    partner_count = fields.Integer(string="Customers", compute="_compute_partner_count")

    _sql_constraints = [
        (
            "cumulative_share_range",
            "CHECK(cumulative_share > 0 AND cumulative_share <= 100)",
            "The cumulative share of a tier must be above 0 % and at most 100 %.",
        ),
        (
            "revenue_floor_positive",
            "CHECK(revenue_floor >= 0)",
            "The revenue floor of a tier cannot be negative.",
        ),
    ]

    @api.depends("company_id")
    def _compute_currency_id(self):
        for tier in self:
            tier.currency_id = (tier.company_id or self.env.company).currency_id

    def _compute_partner_count(self):
        groups = self.env["res.partner"]._read_group(
            [("sales_tier_id", "in", self.ids)],
            groupby=["sales_tier_id"],
            aggregates=["__count"],
        )
        count_by_tier = {tier.id: count for tier, count in groups}
        for tier in self:
            tier.partner_count = count_by_tier.get(tier.id, 0)

    @api.constrains("cumulative_share", "sequence", "company_id", "active")
    def _check_cumulative_share_order(self):
        """A better tier cannot reach further down the ranking than a worse one."""
        for company in {tier.company_id for tier in self}:
            tiers = self._get_company_tiers(company)
            shares = tiers.mapped("cumulative_share")
            if shares != sorted(shares):
                raise ValidationError(
                    _(
                        "Tiers must be ordered from the best to the broadest: each "
                        "tier's cumulative share must be at least the share of the "
                        "tier before it."
                    )
                )

    @api.model
    def _get_company_tiers(self, company):
        """The tiers a company uses: its own if it has any, else the shared ones."""
        tiers = self.search([("company_id", "=", company.id)])
        return tiers or self.search([("company_id", "=", False)])

    def action_open_partners(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Customers: %(tier)s", tier=self.name),
            "res_model": "res.partner",
            "view_mode": "kanban,list,form",
            "domain": [("sales_tier_id", "=", self.id)],
        }

    @api.model
    def action_recompute_tiers(self):
        """Recompute every customer's tier in the user's companies now."""
        # only roles that may write tier history (managers) may retier
        self.env["sales.customer.tier.history"].check_access("create")
        done, _remaining = self.env["sales.customer.tiering"]._recompute_tiers(
            self.env.companies
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _(
                    "Customer tiers recomputed: %(count)s customers changed tier.",
                    count=done,
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }
