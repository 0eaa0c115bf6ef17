# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import SalesModelCommon


@tagged("post_install", "-at_install")
class TestBusinessModels(SalesModelCommon):
    """One engine, three business models: the menus follow the company's choice."""

    def _menu_visible(self, xmlid, user):
        menu = self.env.ref(xmlid)
        visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
        return menu.id in visible

    def _set_models(self, **flags):
        settings = self.env["res.config.settings"].create(flags)
        settings.execute()

    def test_company_running_depth_management_shows_customer_menus(self):
        self._set_models(sales_model_depth=True)
        self.assertTrue(
            self._menu_visible(
                "sales_model_crm.sales_model_menu_customers_root", self.salesman_li
            )
        )

    def test_switching_depth_management_off_hides_its_menus(self):
        for company in self.env["res.company"].search([]):
            company.sales_model_depth = False
        self.assertFalse(
            self._menu_visible(
                "sales_model_crm.sales_model_menu_customers_root", self.salesman_li
            )
        )
        self.assertFalse(
            self._menu_visible(
                "sales_model_crm.sales_customer_pareto_menu", self.director
            )
        )

    def test_a_new_user_gets_the_running_business_models(self):
        self.company.sales_model_direct = True
        group = self.env.ref("sales_model_crm.group_business_direct")
        self.assertIn(
            group, self._create_user("smc_fresh", "base.group_user").groups_id
        )

    def test_business_models_default_to_customer_depth_only(self):
        company = self.env["res.company"].create({"name": "Test Fresh Co"})
        self.assertTrue(company.sales_model_depth)
        self.assertFalse(company.sales_model_channel)
        self.assertFalse(company.sales_model_direct)
