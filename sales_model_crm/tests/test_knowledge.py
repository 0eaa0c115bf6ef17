# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import SalesModelCommon


@tagged("post_install", "-at_install")
class TestKnowledge(SalesModelCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.industry_food = cls.env["res.partner.industry"].create(
            {"name": "Test Food"}
        )
        cls.industry_law = cls.env["res.partner.industry"].create({"name": "Test Law"})
        cls.customer_li.industry_id = cls.industry_food
        cls.stage_new = cls.env["crm.stage"].create({"name": "Test New", "sequence": 1})
        cls.stage_won = cls.env["crm.stage"].create(
            {"name": "Test Won", "sequence": 9, "is_won": True}
        )
        Article = cls.env["sales.knowledge.article"]
        cls.article_food_new = Article.create(
            {
                "name": "Test food opener",
                "stage_ids": [(6, 0, cls.stage_new.ids)],
                "industry_ids": [(6, 0, cls.industry_food.ids)],
            }
        )
        cls.article_general = Article.create({"name": "Test any stage, any industry"})
        cls.article_law = Article.create(
            {
                "name": "Test law objection",
                "kind": "objection",
                "industry_ids": [(6, 0, cls.industry_law.ids)],
            }
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Test water for the bakery",
                "type": "opportunity",
                "partner_id": cls.customer_li.id,
                "user_id": cls.salesman_li.id,
                "stage_id": cls.stage_new.id,
                "company_id": cls.company.id,
            }
        )

    def test_lead_lists_articles_fitting_stage_and_industry(self):
        lead = self.lead.with_user(self.salesman_li)
        self.assertEqual(lead.sales_knowledge_count, 2)
        action = lead.action_open_sales_knowledge()
        found = self.env["sales.knowledge.article"].search(action["domain"])
        self.assertEqual(found, self.article_food_new | self.article_general)

    def test_article_from_won_lead_is_prefilled(self):
        self.lead.stage_id = self.stage_won
        action = self.lead.with_user(self.salesman_li).action_create_sales_knowledge()
        form = Form(
            self.env["sales.knowledge.article"]
            .with_user(self.salesman_li)
            .with_context(**action["context"])
        )
        article = form.save()
        self.assertEqual(article.source_lead_id, self.lead)
        self.assertEqual(article.industry_ids, self.industry_food)
        self.assertEqual(article.stage_ids, self.stage_won)
        self.assertEqual(article.kind, "script")

    def test_salesperson_edits_own_articles_only(self):
        article = self.env["sales.knowledge.article"].with_user(self.salesman_li)
        own = article.create({"name": "Test mine"})
        own.name = "Test mine, edited"
        with self.assertRaises(AccessError):
            article.browse(self.article_general.id).name = "Test not mine"
        self.assertTrue(article.browse(self.article_general.id).name)
