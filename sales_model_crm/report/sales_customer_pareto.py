# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL


class SalesCustomerPareto(models.Model):
    """The 80/20 analysis: customers ranked by revenue with cumulative share.

    Live: the same ranking the tiering engine uses, per company on its own
    basis and window, so the curve and the tiers never disagree.
    """

    _name = "sales.customer.pareto"
    _description = "Pareto Analysis"
    _auto = False
    _order = "company_id, rank, partner_id"
    _rec_name = "partner_id"
    # pending changes of these are flushed before the view is read
    _depends = {
        "account.move": ["move_type"],
        "account.move.line": [
            "balance",
            "company_id",
            "date",
            "display_type",
            "move_id",
            "parent_state",
            "partner_id",
        ],
        "account.payment": [
            "amount_company_currency_signed",
            "company_id",
            "date",
            "partner_id",
            "partner_type",
            "state",
        ],
        "res.partner": [
            "active",
            "commercial_partner_id",
            "industry_id",
            "sales_region_id",
            "sales_tier_id",
            "user_id",
        ],
        "sale.order": [
            "amount_untaxed",
            "company_id",
            "currency_rate",
            "date_order",
            "partner_id",
            "state",
        ],
    }

    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    tier_id = fields.Many2one(
        "sales.customer.tier", string="Customer Tier", readonly=True
    )
    region_id = fields.Many2one("sales.region", string="Sales Region", readonly=True)
    industry_id = fields.Many2one(
        "res.partner.industry", string="Industry", readonly=True
    )
    revenue = fields.Monetary(currency_field="currency_id", readonly=True)
    rank = fields.Integer(readonly=True, aggregator="min")
    share = fields.Float(string="Revenue Share (%)", readonly=True, digits=(5, 2))
    cumulative_share = fields.Float(
        string="Cumulative Share (%)", readonly=True, digits=(5, 2), aggregator="max"
    )
    customer_percentile = fields.Integer(
        string="Top % of Customers",
        readonly=True,
        aggregator="max",
        help="The customer's rank as a percentage of all ranked customers: 20 "
        "means 'among the top 20 %'.",
    )
    customer_count = fields.Integer(string="Customers", readonly=True, aggregator="sum")

    @property
    def _table_query(self):
        # sudo: the company list only shapes the query; the multi-company
        # record rule filters the rows a user gets
        companies = self.env["res.company"].sudo().search([])
        tiering = self.env["sales.customer.tiering"]
        selects = [self._company_select(company, tiering) for company in companies]
        return SQL(" UNION ALL ").join(selects) if selects else self._empty_select()

    @api.model
    def _company_select(self, company, tiering):
        return SQL(
            """
            SELECT ranked.partner_id::bigint * 10000 + %(company)s AS id,
                   %(company)s AS company_id,
                   ranked.partner_id,
                   partner.user_id,
                   (partner.sales_tier_id ->> %(company_key)s)::int AS tier_id,
                   partner.sales_region_id AS region_id,
                   partner.industry_id,
                   ranked.revenue,
                   ranked.rank,
                   ranked.share,
                   ranked.cumulative_share,
                   CEIL(100.0 * ranked.rank
                        / NULLIF(COUNT(ranked.rank) OVER (), 0))::int
                       AS customer_percentile,
                   1 AS customer_count
              FROM (%(ranking)s) ranked
              JOIN res_partner partner ON partner.id = ranked.partner_id
             WHERE ranked.rank IS NOT NULL
            """,
            company=company.id,
            company_key=str(company.id),
            ranking=tiering._ranking_query(company),
        )

    @api.model
    def _empty_select(self):
        return SQL(
            """SELECT NULL::int AS id, NULL::int AS company_id,
                      NULL::int AS partner_id, NULL::int AS user_id,
                      NULL::int AS tier_id, NULL::int AS region_id,
                      NULL::int AS industry_id, NULL::numeric AS revenue,
                      NULL::int AS rank, NULL::numeric AS share,
                      NULL::numeric AS cumulative_share,
                      NULL::int AS customer_percentile, NULL::int AS customer_count
                WHERE FALSE"""
        )
