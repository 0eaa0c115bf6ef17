# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The sales knowledge base: call scripts, answers to objections, product and
industry notes, shown on the opportunities they fit.

An article fits an opportunity when its stages are empty or include the
opportunity's stage, and its industries are empty or include the customer's.
"""

from odoo import fields, models
from odoo.osv import expression


class SalesKnowledgeArticle(models.Model):
    _name = "sales.knowledge.article"
    _description = "Sales Knowledge Article"
    _inherit = ["mail.thread"]
    _order = "kind, name, id"

    name = fields.Char(string="Title", required=True, tracking=True)
    body = fields.Html()
    kind = fields.Selection(
        [
            ("script", "Call Script"),
            ("objection", "Objection Handling"),
            ("product", "Product Note"),
            ("industry", "Industry Note"),
        ],
        required=True,
        default="script",
        tracking=True,
    )
    stage_ids = fields.Many2many(
        "crm.stage",
        string="Stages",
        help="Shown on opportunities in these stages; empty for all stages.",
    )
    product_category_ids = fields.Many2many(
        "product.category", string="Product Categories"
    )
    industry_ids = fields.Many2many(
        "res.partner.industry",
        string="Industries",
        help="Shown on opportunities of customers in these industries; empty "
        "for all industries.",
    )
    source_lead_id = fields.Many2one(
        "crm.lead",
        string="Learnt From",
        ondelete="set null",
        help="The won or lost opportunity this article was drawn from.",
    )
    source_text = fields.Text(
        string="Source Notes",
        help="What the opportunity or the review said, as a reference.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    def _lead_domain(self, stages, industries):
        """Articles fitting any of ``stages`` and any of ``industries``."""
        return expression.AND(
            [
                [
                    "|",
                    ("stage_ids", "=", False),
                    ("stage_ids", "in", stages.ids),
                ],
                [
                    "|",
                    ("industry_ids", "=", False),
                    ("industry_ids", "in", industries.ids),
                ],
            ]
        )

    def _fits(self, stage, industry):
        self.ensure_one()
        return (not self.stage_ids or stage in self.stage_ids) and (
            not self.industry_ids or industry in self.industry_ids
        )
