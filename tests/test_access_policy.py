# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The access policy table of security/access_policy.csv, checked cell by cell."""

import csv
from datetime import date, timedelta
from pathlib import Path

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.sales_model_crm.tests.common_quota import SalesQuotaCommon

POLICY_FILE = Path(__file__).resolve().parent.parent / "security" / "access_policy.csv"
OPERATIONS = ("read", "write", "create", "unlink", "export")


@tagged("post_install", "-at_install")
class TestAccessPolicy(SalesQuotaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role_users = {
            "salesperson": cls.salesman_li,
            "salesperson_all": cls.salesman_all,
            "team_manager": cls.team_manager,
            "director": cls.director,
            "invoicing": cls.invoicing_user,
            "internal": cls.internal_user,
        }
        cls._invoice(cls.customer_li, 1000)
        cls._invoice(cls.customer_zhang, 2000)
        cls.tiering._recompute_tiers(cls.company)
        # per model: (a record of Li's customer, one of Zhang's); Li is in the
        # team the team manager leads, Zhang is not
        cls.records = {
            "res.partner": (cls.customer_li, cls.customer_zhang),
            "sales.activity": cls._pair(
                "sales.activity",
                lambda customer, user: {
                    "name": "Test policy visit",
                    "partner_id": customer.id,
                    "user_id": user.id,
                },
            ),
            "sales.partner.shareholder": cls._pair(
                "sales.partner.shareholder",
                lambda customer, user: {
                    "partner_id": customer.id,
                    "name": "Test policy holder",
                    "share": 10,
                },
            ),
            "sales.customer.tier.history": tuple(
                cls.env["sales.customer.tier.history"].search(
                    [("partner_id", "=", customer.id)], limit=1
                )
                for customer in (cls.customer_li, cls.customer_zhang)
            ),
            "sales.customer.pareto": tuple(
                cls.env["sales.customer.pareto"].search(
                    [
                        ("partner_id", "=", customer.id),
                        ("company_id", "=", cls.company.id),
                    ]
                )
                for customer in (cls.customer_li, cls.customer_zhang)
            ),
        }
        cls.records["sales.purchase.cycle"] = cls._pair(
            "sales.purchase.cycle",
            lambda customer, user: {
                "partner_id": customer.id,
                "product_id": cls.env["product.product"]
                .create({"name": f"Test policy water {customer.id}"})
                .id,
                "days_per_unit_override": 7,
            },
        )
        cls.records["sales.audience"] = cls._pair(
            "sales.audience",
            lambda customer, user: {"name": "Test policy audience", "user_id": user.id},
        )
        for model, xmlid in (
            ("sales.customer.tier", "sales_model_crm.sales_customer_tier_gold"),
            ("sales.partner.kind", "sales_model_crm.sales_partner_kind_agent"),
        ):
            record = cls.env.ref(xmlid)
            cls.records[model] = (record, record)
        region = cls.env["sales.region"].create({"name": "Test Policy Region"})
        cls.records["sales.region"] = (region, region)
        quotas = tuple(
            cls._quota(cls.jan, user, 1000)
            for user in (cls.salesman_li, cls.salesman_zhang)
        )
        cls.records["sales.quota"] = quotas
        plans = cls.env["sales.plan"]._create_from_quotas(quotas[0] | quotas[1])
        cls.records["sales.plan"] = tuple(
            plans.filtered(lambda plan, quota=quota: plan.quota_id == quota)
            for quota in quotas
        )
        cls.records["sales.budget"] = tuple(
            cls.env["sales.budget"].create(
                {"period_id": cls.jan.id, "owner_type": "user", "user_id": user.id}
            )
            for user in (cls.salesman_li, cls.salesman_zhang)
        )
        quotas[0].action_confirm()
        quotas[1].action_confirm()
        settlements = cls.env["sales.quota.settlement"]._settle(
            quotas[0] | quotas[1], today=date(2030, 2, 1)
        )
        cls.records["sales.quota.settlement"] = tuple(
            settlements.filtered(
                lambda settlement, quota=quota: settlement.quota_id == quota
            )
            for quota in quotas
        )

        cls._add_execution_records()

    @classmethod
    def _add_execution_records(cls):
        """Records of issue 4's daily execution, Li's and Zhang's."""
        yesterday = date.today() - timedelta(days=1)
        cls.records["sales.daily.review"] = cls._pair(
            "sales.daily.review",
            lambda customer, user: {"user_id": user.id, "date": yesterday},
        )
        cls.records["sales.problem"] = cls._pair(
            "sales.problem",
            lambda customer, user: {"name": "Test policy problem", "user_id": user.id},
        )
        product = cls.env["product.product"].create({"name": "Test policy dispenser"})
        cls.records["sales.collection.plan"] = cls._pair(
            "sales.collection.plan",
            lambda customer, user: {
                "order_id": cls.env["sale.order"]
                .create(
                    {
                        "partner_id": customer.id,
                        "user_id": user.id,
                        "order_line": [
                            Command.create(
                                {"product_id": product.id, "price_unit": 100}
                            )
                        ],
                    }
                )
                .id
            },
        )
        # a bulletin to all internal users, written by the director
        bulletin = (
            cls.env["sales.announcement"]
            .with_user(cls.director)
            .create(
                {
                    "name": "Test policy bulletin",
                    "group_ids": [Command.link(cls.env.ref("base.group_user").id)],
                }
            )
        )
        bulletin.action_publish()
        cls.records["sales.announcement"] = (bulletin, bulletin)
        # articles written by Li and by Zhang
        cls.records["sales.knowledge.article"] = tuple(
            cls.env["sales.knowledge.article"]
            .with_user(user)
            .create({"name": "Test policy script"})
            .with_user(cls.env.user)
            for user in (cls.salesman_li, cls.salesman_zhang)
        )

    @classmethod
    def _pair(cls, model, values):
        return tuple(
            cls.env[model].create(values(customer, user))
            for customer, user in (
                (cls.customer_li, cls.salesman_li),
                (cls.customer_zhang, cls.salesman_zhang),
            )
        )

    def _allowed(self, record, user, operation):
        record = record.with_user(user)
        try:
            if operation == "export":
                record.export_data(["display_name"])
            else:
                record.check_access(operation)
        except (AccessError, UserError):  # Odoo refuses export with a UserError
            return False
        return True

    def _expected(self, value):
        """(allowed on Li's record, allowed on Zhang's record) for a cell value."""
        return {
            "none": (False, False),
            "own": (True, False),
            "team": (True, False),
            "all": (True, True),
        }[value]

    def test_every_cell_of_the_access_policy_holds(self):
        with POLICY_FILE.open(newline="") as policy_file:
            policy = list(csv.DictReader(policy_file))
        self.assertTrue(policy)
        mismatches = []
        for row in policy:
            user = self.role_users[row["role"]]
            records = self.records[row["model"]]
            for operation in OPERATIONS:
                expected = self._expected(row[operation])
                actual = tuple(
                    self._allowed(record, user, operation) for record in records
                )
                if actual != expected:
                    mismatches.append(
                        f"{row['role']:>16} {row['model']:<28} {operation:<7} "
                        f"expected {row[operation]!r} (Li's, Zhang's)={expected} "
                        f"got {actual}"
                    )
        self.assertFalse(mismatches, "\n" + "\n".join(mismatches))
