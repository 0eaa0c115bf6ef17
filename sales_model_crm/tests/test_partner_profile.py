# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import SalesModelCommon


@tagged("post_install", "-at_install")
class TestPartnerProfile(SalesModelCommon):
    """A customer is a well, not a bowl of water: the profile holds its depth."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.region_gd = cls.env["sales.region"].create({"name": "Test Guangdong"})
        cls.region_gz = cls.env["sales.region"].create(
            {"name": "Test Guangzhou", "parent_id": cls.region_gd.id}
        )
        cls.region_tianhe = cls.env["sales.region"].create(
            {"name": "Test Tianhe", "parent_id": cls.region_gz.id}
        )

    def test_region_shows_its_full_path(self):
        self.assertEqual(
            self.region_tianhe.display_name,
            "Test Guangdong / Test Guangzhou / Test Tianhe",
        )

    def test_customers_of_a_city_count_in_its_province(self):
        self.customer_li.sales_region_id = self.region_tianhe
        self.assertEqual(self.region_gd.partner_count, 1)
        found = self.env["res.partner"].search(
            [("sales_region_id", "child_of", self.region_gd.id)]
        )
        self.assertEqual(found, self.customer_li)

    def test_region_cannot_be_its_own_ancestor(self):
        with self.assertRaises(UserError):
            self.region_gd.parent_id = self.region_tianhe

    def test_partner_can_be_of_several_kinds_and_is_counted(self):
        agent = self.env.ref("sales_model_crm.sales_partner_kind_agent")
        self.customer_zhang.sales_kind_ids = [Command.link(agent.id)]
        agents = self.env["res.partner"].search([("sales_kind_ids", "in", agent.ids)])
        self.assertIn(self.customer_zhang, agents)
        self.assertEqual(agent.partner_count, len(agents))
        groups = self.env["res.partner"]._read_group(
            [("id", "=", self.customer_zhang.id)],
            groupby=["sales_kind_ids"],
            aggregates=["__count"],
        )
        self.assertEqual(
            {kind for kind, _count in groups}, set(self.kind_customer | agent)
        )

    def test_admin_adds_a_profile_field_per_kind_without_code(self):
        self.kind_customer.company_properties_definition = [
            {
                "name": "water_dispensers",
                "string": "Water dispensers",
                "type": "integer",
            }
        ]
        self.customer_li.sales_company_properties = {"water_dispensers": 12}
        self.assertEqual(
            self.customer_li.sales_company_properties["water_dispensers"], 12
        )

    def test_profile_kind_follows_the_first_kind(self):
        supplier = self.env.ref("sales_model_crm.sales_partner_kind_supplier")
        partner = self.env["res.partner"].create(
            {
                "name": "Test Spring Source",
                "sales_kind_ids": [Command.set(supplier.ids)],
            }
        )
        self.assertEqual(partner.sales_primary_kind_id, supplier)

    def test_company_decides_which_profile_sections_show(self):
        self.company.sales_profile_family = False
        self.assertNotIn("family", self.contact_li.sales_profile_sections)
        self.assertIn("hobbies", self.contact_li.sales_profile_sections)

    def test_birthday_in_the_future_is_refused(self):
        with self.assertRaises(ValidationError):
            self.contact_li.sales_birthday = self._today() + timedelta(days=1)

    def test_birthday_before_1900_is_refused(self):
        with self.assertRaises(ValidationError):
            self.contact_li.sales_birthday = date(1899, 12, 31)

    def test_birthday_on_29_february_is_kept(self):
        self.contact_li.sales_birthday = date(1992, 2, 29)
        self.assertEqual(self.contact_li.sales_birthday, date(1992, 2, 29))

    def test_company_cannot_be_founded_in_the_future(self):
        with self.assertRaises(ValidationError):
            self.customer_li.sales_founding_date = self._today() + timedelta(1)

    def test_negative_employee_count_is_refused(self):
        with self.assertRaises(ValidationError):
            self.customer_li.sales_employee_count = -5

    def test_shareholdings_cannot_exceed_100_percent(self):
        self.env["sales.partner.shareholder"].create(
            {"partner_id": self.customer_li.id, "name": "Test Founder", "share": 70}
        )
        with self.assertRaises(ValidationError):
            self.env["sales.partner.shareholder"].create(
                {"partner_id": self.customer_li.id, "name": "Test Fund", "share": 40}
            )

    def test_shareholder_from_the_database_gives_its_name(self):
        holder = self.env["sales.partner.shareholder"].create(
            {
                "partner_id": self.customer_li.id,
                "holder_partner_id": self.contact_li.id,
                "share": 30,
            }
        )
        self.assertEqual(holder.name, "Test Sun Li")

    def test_organization_has_departments_and_reporting_lines(self):
        admin = self.env["sales.partner.department"].create(
            {"name": "Test Administration", "partner_id": self.customer_li.id}
        )
        purchase = self.env["sales.partner.department"].create(
            {
                "name": "Test Purchasing",
                "partner_id": self.customer_li.id,
                "parent_id": admin.id,
            }
        )
        boss = self.env["res.partner"].create(
            {
                "name": "Test Zhou Qiang",
                "parent_id": self.customer_li.id,
                "sales_decision_role": "decision_maker",
            }
        )
        self.contact_li.write(
            {"sales_department_id": purchase.id, "sales_reports_to_id": boss.id}
        )
        self.assertEqual(
            purchase.complete_name, "Test Administration / Test Purchasing"
        )
        self.assertEqual(purchase.member_ids, self.contact_li)
        self.assertEqual(self.customer_li.sales_decision_maker_ids, boss)

    def test_department_of_another_company_cannot_be_parent(self):
        other = self.env["sales.partner.department"].create(
            {"name": "Test Other Dept", "partner_id": self.customer_zhang.id}
        )
        with self.assertRaises(ValidationError):
            self.env["sales.partner.department"].create(
                {
                    "name": "Test Mixed",
                    "partner_id": self.customer_li.id,
                    "parent_id": other.id,
                }
            )

    def test_contact_cannot_report_to_themselves(self):
        with self.assertRaises(ValidationError):
            self.contact_li.sales_reports_to_id = self.contact_li

    def test_family_member_birthday_is_checked(self):
        with self.assertRaises(ValidationError):
            self.env["sales.partner.family.member"].create(
                {
                    "partner_id": self.contact_li.id,
                    "name": "Test Child",
                    "relation": "child",
                    "birthday": self._today() + timedelta(days=1),
                }
            )

    def test_work_experience_cannot_end_before_it_starts(self):
        with self.assertRaises(ValidationError):
            self.env["sales.partner.experience"].create(
                {
                    "partner_id": self.contact_li.id,
                    "employer": "Test Lenovo",
                    "date_from": date(2014, 1, 1),
                    "date_to": date(2010, 1, 1),
                }
            )

    def test_visit_records_of_contacts_count_for_the_company(self):
        self.env["sales.activity"].create(
            [
                {
                    "name": "Test visit",
                    "kind": "visit",
                    "partner_id": self.contact_li.id,
                    "user_id": self.salesman_li.id,
                    "outcome": "interested",
                },
                {
                    "name": "Test call",
                    "kind": "call",
                    "partner_id": self.customer_li.id,
                    "user_id": self.salesman_li.id,
                    "outcome": "no_answer",
                },
            ]
        )
        self.assertEqual(self.customer_li.sales_activity_count, 2)
        self.assertEqual(self.contact_li.sales_activity_count, 2)

    def test_call_without_answer_is_not_effective(self):
        activity = self.env["sales.activity"].create(
            {
                "name": "Test call",
                "partner_id": self.customer_li.id,
                "outcome": "no_answer",
            }
        )
        self.assertFalse(activity.is_effective)
        activity.outcome = "reached"
        self.assertTrue(activity.is_effective)

    def test_interaction_cannot_be_logged_in_the_future(self):
        with self.assertRaises(ValidationError):
            self.env["sales.activity"].create(
                {
                    "name": "Test later",
                    "partner_id": self.customer_li.id,
                    "date": fields.Datetime.now() + timedelta(days=3),
                }
            )

    def test_interaction_duration_is_bounded(self):
        with self.assertRaises(ValidationError):
            self.env["sales.activity"].create(
                {"name": "Test long", "partner_id": self.customer_li.id, "duration": -1}
            )

    def test_purchase_records_sum_confirmed_orders(self):
        product = self.env["product.product"].create({"name": "Test Bucket"})
        order = self.env["sale.order"].create(
            {
                "partner_id": self.contact_li.id,
                "order_line": [
                    Command.create({"product_id": product.id, "price_unit": 25})
                ],
            }
        )
        order.action_confirm()
        self.assertEqual(self.customer_li.sales_confirmed_order_count, 1)
        self.assertEqual(self.customer_li.sales_last_order_date, order.date_order)

    def test_revenue_of_the_tier_window_shows_on_the_customer(self):
        self._invoice(self.customer_li, 12_000)
        self._invoice(self.customer_li, 2_000, refund=True)
        self.assertEqual(
            self.customer_li.with_company(self.company).sales_window_revenue, 10_000
        )

    def test_log_interaction_button_opens_a_prefilled_form(self):
        action = self.contact_li.action_sales_log_visit()
        with Form(
            self.env["sales.activity"].with_context(**action["context"])
        ) as activity:
            activity.name = "Test quick call"
        self.assertEqual(activity.record.partner_id, self.customer_li)
        self.assertEqual(activity.record.contact_id, self.contact_li)

    def _zhang_supplies_li(self):
        """Zhang's customer is the supplier (upstream) of Li's."""
        supplier_of = self.env.ref(
            "sales_model_crm.res_partner_relation_type_supplier_of"
        )
        self.env["res.partner.relation"].create(
            {
                "left_partner_id": self.customer_zhang.id,
                "right_partner_id": self.customer_li.id,
                "type_id": supplier_of.id,
            }
        )
        return supplier_of

    def test_network_relations_show_from_both_sides(self):
        self._zhang_supplies_li()
        seen_from_li = self.env["res.partner.relation.all"].search(
            [("this_partner_id", "=", self.customer_li.id)]
        )
        self.assertEqual(seen_from_li.other_partner_id, self.customer_zhang)
        self.assertTrue(seen_from_li.is_inverse)

    def test_customers_whose_supplier_is_x_are_found(self):
        supplier_of = self._zhang_supplies_li()
        selection = self.env["res.partner.relation.type.selection"].search(
            [("type_id", "=", supplier_of.id), ("is_inverse", "=", True)]
        )
        found = self.env["res.partner"].search(
            [
                ("search_relation_type_id", "=", selection.id),
                ("search_relation_partner_id", "=", self.customer_zhang.id),
            ]
        )
        self.assertEqual(found, self.customer_li)
