# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What a salesperson and a user of two companies get through each read path.

The matrix (test_access_policy.py) probes one record at a time; these tests
read whole lists as the web client and RPC clients do.
"""

from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.sales_model_crm.tests.common_quota import SalesQuotaCommon


@tagged("post_install", "-at_install")
class TestAccessReadPaths(SalesQuotaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.test_partners = (
            cls.customer_li
            | cls.contact_li
            | cls.customer_zhang
            | cls.contact_zhang
            | cls.customer_pool
        )
        cls.quota_li = cls._quota(cls.jan, cls.salesman_li, 1000)
        cls.quota_zhang = cls._quota(cls.jan, cls.salesman_zhang, 2000)

    def _read_paths(self, model, domain):
        """The ids each read path of RPC gives for ``domain``."""
        groups = model.read_group(domain, ["__count"], ["id"], lazy=False)
        return {
            "search": set(model.search(domain).ids),
            "search_read": {row["id"] for row in model.search_read(domain, ["id"])},
            "web_search_read": {
                row["id"]
                for row in model.web_search_read(domain, {"display_name": {}})[
                    "records"
                ]
            },
            "name_search": {
                record_id for record_id, _name in model.name_search("", domain)
            },
            "read_group": {group["id"][0] for group in groups if group["__count"]},
        }

    def test_salesperson_sees_exactly_own_customers_through_every_read_path(self):
        partners = self.env["res.partner"].with_user(self.salesman_li)
        domain = [("id", "in", self.test_partners.ids)]
        # their customer with its contact, and the pool; not Zhang's
        own = self.customer_li | self.contact_li | self.customer_pool
        for path, ids in self._read_paths(partners, domain).items():
            self.assertEqual(ids, set(own.ids), path)
        self.assertEqual(partners.search_count(domain), len(own))
        for record in self.customer_zhang | self.contact_zhang:
            with self.assertRaises(AccessError):
                record.with_user(self.salesman_li).read(["name"])
            with self.assertRaises(AccessError):
                record.with_user(self.salesman_li).web_read({"name": {}})

    def test_salesperson_read_group_totals_sum_only_own_records(self):
        quotas = self.env["sales.quota"].with_user(self.salesman_li)
        domain = [("period_id", "=", self.jan.id)]
        totals = quotas.read_group(domain, ["target:sum"], [])
        self.assertEqual(totals[0]["target"], 1000)
        by_owner = quotas.read_group(domain, ["target:sum"], ["user_id"])
        self.assertEqual(
            [(group["user_id"][0], group["target"]) for group in by_owner],
            [(self.salesman_li.id, 1000)],
        )
        partners = self.env["res.partner"].with_user(self.salesman_li)
        by_owner = partners.read_group(
            [("id", "in", self.test_partners.ids)], ["__count"], ["user_id"]
        )
        self.assertEqual(
            {group["user_id"] and group["user_id"][0] for group in by_owner},
            {self.salesman_li.id, False},
        )

    def test_salesperson_cannot_take_another_salespersons_customer(self):
        for record in self.customer_zhang | self.contact_zhang:
            with self.assertRaises(AccessError):
                record.with_user(self.salesman_li).write(
                    {"user_id": self.salesman_li.id}
                )
        # nor by re-parenting Zhang's contact under their own customer
        with self.assertRaises(AccessError):
            self.contact_zhang.with_user(self.salesman_li).write(
                {"parent_id": self.customer_li.id}
            )
        self.assertEqual(self.customer_zhang.user_id, self.salesman_zhang)
        self.assertEqual(self.contact_zhang.parent_id, self.customer_zhang)

    def test_user_of_company_a_gets_nothing_of_company_b(self):
        company_b = self.env["res.company"].create({"name": "Test Policy Company B"})
        user = self._create_user(
            "smc_policy_company_a", "sales_team.group_sale_salesman_all_leads"
        )
        user.company_ids = [Command.link(company_b.id)]
        customer_b = self._create_customer(
            "Test Policy B Customer", user, company_id=company_b.id
        )
        yesterday = self._today() - timedelta(days=1)
        in_b = {
            "res.partner": customer_b,
            "sales.activity": self.env["sales.activity"].create(
                {
                    "name": "Test policy B visit",
                    "partner_id": customer_b.id,
                    "user_id": user.id,
                    "company_id": company_b.id,
                }
            ),
            "sales.problem": self.env["sales.problem"].create(
                {"name": "Test policy B problem", "company_id": company_b.id}
            ),
            "sales.daily.review": self.env["sales.daily.review"].create(
                {"user_id": user.id, "date": yesterday, "company_id": company_b.id}
            ),
            "sales.audience": self.env["sales.audience"].create(
                {"name": "Test policy B audience", "company_id": company_b.id}
            ),
        }
        for model, record in in_b.items():
            self.assertEqual(record.company_id, company_b, model)
            # company A active only, as the company switcher sends it
            as_user = (
                self.env[model]
                .with_user(user)
                .with_context(allowed_company_ids=self.company.ids)
            )
            domain = [("id", "=", record.id)]
            for path, ids in self._read_paths(as_user, domain).items():
                self.assertFalse(ids, f"{model} {path}")
            with self.assertRaises(AccessError, msg=model):
                record.with_user(user).with_context(
                    allowed_company_ids=self.company.ids
                ).read(["display_name"])
