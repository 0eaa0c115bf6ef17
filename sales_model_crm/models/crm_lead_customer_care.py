# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, fields, models
from odoo.tools import html2plaintext


class CrmLead(models.Model):
    _inherit = "crm.lead"

    sales_return_visit_planned = fields.Boolean(
        string="Return Visit Planned",
        copy=False,
        readonly=True,
        help="The return visit (回访) after this won deal is scheduled.",
    )

    # --- sales knowledge: articles fitting the stage and the customer's industry

    sales_knowledge_count = fields.Integer(
        string="Knowledge", compute="_compute_sales_knowledge_count"
    )

    def _sales_knowledge_industry(self):
        return self.partner_id.commercial_partner_id.industry_id

    def _compute_sales_knowledge_count(self):
        # one search for the whole batch, then matched in memory
        articles = self.env["sales.knowledge.article"]
        candidates = articles.search(
            articles._lead_domain(
                self.stage_id, self.partner_id.commercial_partner_id.industry_id
            )
        )
        for lead in self:
            industry = lead._sales_knowledge_industry()
            lead.sales_knowledge_count = len(
                candidates.filtered(
                    lambda article, lead=lead, industry=industry: article._fits(
                        lead.stage_id, industry
                    )
                )
            )

    def action_open_sales_knowledge(self):
        self.ensure_one()
        articles = self.env["sales.knowledge.article"]
        return {
            "type": "ir.actions.act_window",
            "name": _("Knowledge"),
            "res_model": articles._name,
            "view_mode": "kanban,list,form",
            "domain": articles._lead_domain(
                self.stage_id, self._sales_knowledge_industry()
            ),
        }

    def action_create_sales_knowledge(self):
        """A new article drawn from this won or lost opportunity."""
        self.ensure_one()
        won = self.stage_id.is_won
        notes = [self.name]
        if self.lost_reason_id:
            notes.append(_("Lost reason: %(reason)s", reason=self.lost_reason_id.name))
        if self.description:
            notes.append(html2plaintext(self.description))
        industry = self._sales_knowledge_industry()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sales.knowledge.article",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_name": (
                    _("Won: %(lead)s", lead=self.name)
                    if won
                    else _("Lost: %(lead)s", lead=self.name)
                ),
                "default_kind": "script" if won else "objection",
                "default_stage_ids": self.stage_id.ids,
                "default_industry_ids": industry.ids,
                "default_source_lead_id": self.id,
                "default_source_text": "\n\n".join(notes),
            },
        }
