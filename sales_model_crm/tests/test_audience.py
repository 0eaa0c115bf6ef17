# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from .common_customer_care import SalesCustomerCareCommon


@tagged("post_install", "-at_install")
class TestAudience(SalesCustomerCareCommon):
    """Saved audiences: built from the classification, opt-outs respected."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.region = cls.env["sales.region"].create({"name": "Test Haidian"})
        cls.customer_li.sales_region_id = cls.region
        cls.customer_zhang.write(
            {
                "email": "law@huaxin.example",
                "street": "2 Road",
                "mobile": "+8613900000001",
            }
        )
        cls.audience = cls.env["sales.audience"].create(
            {"name": "Test all customers", "user_id": cls.salesman_li.id}
        )

    def test_region_filter_counts_live(self):
        self.audience.region_ids = self.region
        self.assertEqual(self.audience.partner_count, 1)
        self.customer_zhang.sales_region_id = self.region
        self.audience.invalidate_recordset()
        self.assertEqual(self.audience.partner_count, 2)

    def test_due_to_buy_audience(self):
        self._order(self.customer_li, self.water, 2, days_ago=12)
        self.engine._recompute_cycles(self.company)
        self.audience.cycle_filter = "due"
        self.assertEqual(
            self.env["res.partner"].search(self.audience._get_partner_domain()),
            self.customer_li,
        )

    def test_last_purchase_window(self):
        self._order(self.customer_li, self.water, 2, days_ago=40)
        self._order(self.customer_zhang, self.water, 2, days_ago=5)
        self.audience.last_purchase_to = self._days(-30)
        self.assertEqual(
            self.env["res.partner"].search(self.audience._get_partner_domain()),
            self.customer_li,
        )

    def test_opted_out_customers_are_not_emailed(self):
        self.customer_zhang.sales_no_marketing = True
        self.assertNotIn(self.customer_zhang, self.audience._reachable("email"))
        self.assertIn(self.customer_li, self.audience._reachable("email"))

    def test_blacklisted_email_is_not_emailed(self):
        self.env["mail.blacklist"].create({"email": "law@huaxin.example"})
        self.assertNotIn(self.customer_zhang, self.audience._reachable("email"))

    def test_blacklisted_phone_gets_no_sms(self):
        self.assertIn(self.customer_zhang, self.audience._reachable("sms"))
        self.env["phone.blacklist"].create({"number": "+8613900000001"})
        self.assertNotIn(self.customer_zhang, self.audience._reachable("sms"))

    def test_email_opens_the_mass_mail_composer(self):
        action = self.audience.action_send_email()
        composer = (
            self.env[action["res_model"]].with_context(**action["context"]).create({})
        )
        self.assertEqual(composer.composition_mode, "mass_mail")
        self.assertIn(str(self.customer_li.id), composer.res_ids)

    def test_sms_opens_the_sms_composer(self):
        action = self.audience.action_send_sms()
        self.assertEqual(action["res_model"], "sms.composer")
        self.assertEqual(action["context"]["default_composition_mode"], "mass")

    def test_address_labels_print(self):
        html = self.env["ir.actions.report"]._render_qweb_html(
            "sales_model_crm.report_sales_audience_labels", self.audience.ids
        )[0]
        self.assertIn(b"Test Zhilian Tech", html)

    def test_manager_exports_the_address_list(self):
        action = self.audience.with_user(self.director).action_export_addresses()
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        raw = self.env["ir.attachment"].browse(attachment_id).raw.decode("utf-8-sig")
        self.assertIn("Test Zhilian Tech", raw)

    @users("smc_li")
    def test_salesperson_may_not_export_addresses(self):
        with self.assertRaises(AccessError):
            self.audience.with_env(self.env).action_export_addresses()

    @users("smc_li")
    def test_salesperson_counts_only_own_customers(self):
        audience = self.audience.with_env(self.env)
        partners = self.env["res.partner"].search(audience._get_partner_domain())
        self.assertEqual(audience.partner_count, len(partners))
        self.assertIn(self.customer_li, partners)
        self.assertNotIn(self.customer_zhang, partners)

    @users("smc_zhang")
    def test_salesperson_does_not_see_others_audiences(self):
        self.assertFalse(self.env["sales.audience"].search([]))
