# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import Form, tagged, users

from odoo.addons.mail.tools.discuss import Store

from .common import SalesModelCommon


@tagged("post_install", "-at_install")
class TestSalesFlows(SalesModelCommon):
    """Odoo's everyday CRM and Sales flows still work for each role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "Test Bucket 18.9 L", "list_price": 25}
        )

    def _quote_and_confirm(self, customer):
        with Form(self.env["sale.order"]) as order_form:
            order_form.partner_id = customer
            with order_form.order_line.new() as line:
                line.product_id = self.product
                line.product_uom_qty = 40
        order = order_form.save()
        order.action_confirm()
        return order

    @users("smc_li")
    def test_salesperson_quotes_and_confirms_for_own_customer(self):
        order = self._quote_and_confirm(self.customer_li.with_env(self.env))
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.user_id, self.salesman_li)

    @users("smc_li")
    def test_salesperson_quotes_for_a_contact_of_own_customer(self):
        order = self._quote_and_confirm(self.contact_li.with_env(self.env))
        self.assertEqual(order.partner_invoice_id, self.contact_li)

    @users("smc_wang")
    def test_team_manager_quotes_for_a_team_customer(self):
        order = self._quote_and_confirm(self.customer_li.with_env(self.env))
        self.assertEqual(order.state, "sale")

    @users("smc_li")
    def test_salesperson_posts_in_own_customer_chatter(self):
        customer = self.customer_li.with_env(self.env)
        message = customer.message_post(body="Test: delivered 40 buckets")
        self.assertEqual(message.author_id, self.salesman_li.partner_id)

    @users("smc_li")
    def test_salesperson_schedules_an_activity_on_own_customer(self):
        customer = self.customer_li.with_env(self.env)
        activity = customer.activity_schedule(
            "mail.mail_activity_data_call", summary="Test: refill reminder"
        )
        self.assertEqual(activity.user_id, self.salesman_li)

    @users("smc_li")
    def test_salesperson_chatter_shows_followers_and_authors_of_other_customers(self):
        # the chatter of an own lead loads, even when a customer owned by
        # someone else follows it and wrote in it
        lead = self.env["crm.lead"].create(
            {
                "name": "Test water contract",
                "partner_id": self.customer_li.id,
                "type": "opportunity",
            }
        )
        lead.sudo().message_subscribe(partner_ids=self.customer_zhang.ids)
        lead.sudo().message_post(
            body="Test: question from the other customer",
            author_id=self.customer_zhang.id,
            message_type="comment",
        )
        thread = Store(
            lead, as_thread=True, request_list=["followers", "activities"]
        ).get_result()
        messages = lead.message_ids
        data = Store(messages, for_current_user=True).get_result()
        authors = {partner["name"] for partner in data["res.partner"]}
        self.assertIn("Test Huaxin Law Firm", authors)
        self.assertEqual(thread["mail.thread"][0]["followersCount"], 1)

    @users("smc_li")
    def test_salesperson_converts_a_lead_into_a_new_customer(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "Test new office",
                "partner_name": "Test Startup Ltd",
                "contact_name": "Test Founder",
                "type": "lead",
            }
        )
        convert = (
            self.env["crm.lead2opportunity.partner"]
            .with_context(
                active_model="crm.lead", active_id=lead.id, active_ids=lead.ids
            )
            .create({"name": "convert", "action": "create"})
        )
        convert.action_apply()
        self.assertEqual(
            lead.partner_id.commercial_partner_id.user_id, self.salesman_li
        )

    @users("smc_li")
    def test_salesperson_logs_an_interaction_on_own_customer(self):
        activity = self.env["sales.activity"].create(
            {
                "name": "Test visit",
                "kind": "visit",
                "partner_id": self.customer_li.id,
                "contact_id": self.contact_li.id,
                "outcome": "interested",
                "duration": 1.5,
            }
        )
        self.assertEqual(activity.user_id, self.salesman_li)
        self.assertEqual(activity.team_id, self.team_wang)

    @users("smc_li")
    def test_salesperson_fills_own_contacts_profile(self):
        contact = self.contact_li.with_env(self.env)
        with Form(contact) as form:
            form.phone = "010-62881234"
            form.sales_hobby_ids.add(
                self.env["sales.partner.hobby"].create({"name": "Test Tea"})
            )
        self.assertEqual(contact.phone, "010-62881234")

    @users("smc_chen")
    def test_director_invoices_a_confirmed_order(self):
        self.env.user.sudo().groups_id = [
            Command.link(self.env.ref("account.group_account_invoice").id)
        ]
        order = self._quote_and_confirm(self.customer_zhang.with_env(self.env))
        order.order_line.qty_delivered = 40
        invoice = order._create_invoices()
        invoice.action_post()
        self.assertEqual(invoice.state, "posted")
