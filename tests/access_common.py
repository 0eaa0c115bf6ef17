# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The users and records the access matrix is checked with.

Every model of the matrix gets a pair of records: one of Li's (Li is in the
team the team manager leads) and one of Zhang's (another team). Roles are
the users of ``security/README.md``; ``as_role`` gives a record or model as
that role would reach it over RPC (its user, its active companies).
"""

import csv
from datetime import date, timedelta
from pathlib import Path

from odoo import Command

from odoo.addons.sales_model_crm.tests.common_quota import SalesQuotaCommon

SECURITY_DIR = Path(__file__).resolve().parent.parent / "security"
POLICY_FILE = SECURITY_DIR / "access_policy.csv"
REPORT_POLICY_FILE = SECURITY_DIR / "access_reports.csv"


def read_policy():
    """The rows of access_policy.csv, keyed by (role, model)."""
    with POLICY_FILE.open(newline="") as policy_file:
        return {(row["role"], row["model"]): row for row in csv.DictReader(policy_file)}


def read_report_policy():
    """The rows of access_reports.csv: (role, report) -> access."""
    with REPORT_POLICY_FILE.open(newline="") as policy_file:
        return {
            (row["role"], row["report"]): row["access"]
            for row in csv.DictReader(policy_file)
        }


class AccessMatrixCommon(SalesQuotaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._add_roles()
        cls._invoice(cls.customer_li, 1000)
        cls._invoice(cls.customer_zhang, 2000)
        cls.tiering._recompute_tiers(cls.company)
        cls.records = {}
        cls._add_customer_records()
        cls._add_quota_records()
        cls._add_execution_records()

    # --- roles

    @classmethod
    def _add_roles(cls):
        # an agent's portal user: a contact of the agent partner
        cls.agent_user = cls._portal_user(
            "smc_policy_agent", "Test Policy Agent Contact", cls.agent
        )
        # a director of two companies who works in the other one: the test
        # company's records must stay out of reach while it is not active
        cls.other_company = cls.env["res.company"].create(
            {"name": "Test Policy Other Company"}
        )
        cls.two_company_user = cls._create_user(
            "smc_policy_two_companies", "sales_team.group_sale_manager"
        )
        cls.two_company_user.write(
            {
                "company_ids": [Command.link(cls.other_company.id)],
                "company_id": cls.other_company.id,
            }
        )
        cls.role_users = {
            "salesperson": cls.salesman_li,
            "salesperson_all": cls.salesman_all,
            "team_manager": cls.team_manager,
            "director": cls.director,
            "invoicing": cls.invoicing_user,
            "internal": cls.internal_user,
            "agent": cls.agent_user,
            "public": cls.env.ref("base.public_user"),
            "other_company": cls.two_company_user,
        }
        # the companies each role works in (RPC clients send them in the context)
        cls.role_companies = {role: cls.company for role in cls.role_users}
        cls.role_companies["other_company"] = cls.other_company

    @classmethod
    def as_role(cls, records, role):
        """``records`` as ``role`` reaches them: its user, its one active company."""
        return records.with_user(cls.role_users[role]).with_context(
            allowed_company_ids=cls.role_companies[role].ids
        )

    # --- records

    @classmethod
    def _pair(cls, model, values):
        return tuple(
            cls.env[model].create(values(customer, user))
            for customer, user in (
                (cls.customer_li, cls.salesman_li),
                (cls.customer_zhang, cls.salesman_zhang),
            )
        )

    @classmethod
    def _shared(cls, record):
        """A record every holder of the model sees (settings, catalogues)."""
        return (record, record)

    @classmethod
    def _add_customer_records(cls):
        records = cls.records
        records["res.partner"] = (cls.customer_li, cls.customer_zhang)
        records["sales.activity"] = cls._pair(
            "sales.activity",
            lambda customer, user: {
                "name": "Test policy visit",
                "partner_id": customer.id,
                "user_id": user.id,
            },
        )
        records["sales.partner.shareholder"] = cls._pair(
            "sales.partner.shareholder",
            lambda customer, user: {
                "partner_id": customer.id,
                "name": "Test policy holder",
                "share": 10,
            },
        )
        # customer relations (partner_multi_relation): a contact of each
        # customer is its purchasing manager
        relation_type = cls.env["res.partner.relation.type"].create(
            {
                "name": "Test policy purchasing manager of",
                "name_inverse": "Test policy has purchasing manager",
                "contact_type_left": "p",
                "contact_type_right": "c",
            }
        )
        records["res.partner.relation"] = cls._pair(
            "res.partner.relation",
            lambda customer, user: {
                "left_partner_id": cls.env["res.partner"]
                .create(
                    {
                        "name": f"Test policy buyer of {customer.name}",
                        "parent_id": customer.id,
                    }
                )
                .id,
                "right_partner_id": customer.id,
                "type_id": relation_type.id,
            },
        )
        # the same relations as the contact form lists them (a view, both ways)
        records["res.partner.relation.all"] = tuple(
            cls.env["res.partner.relation.all"].search(
                [
                    ("res_model", "=", "res.partner.relation"),
                    ("res_id", "=", relation.id),
                    ("is_inverse", "=", False),
                ]
            )
            for relation in records["res.partner.relation"]
        )
        for model in ("sales.customer.tier.history", "sales.customer.pareto"):
            records[model] = tuple(
                cls.env[model].search(
                    [
                        ("partner_id", "=", customer.id),
                        ("company_id", "=", cls.company.id),
                    ],
                    limit=1,
                )
                for customer in (cls.customer_li, cls.customer_zhang)
            )
        for model, xmlid in (
            ("sales.customer.tier", "sales_model_crm.sales_customer_tier_gold"),
            ("sales.partner.kind", "sales_model_crm.sales_partner_kind_agent"),
        ):
            records[model] = cls._shared(cls.env.ref(xmlid))
        records["sales.region"] = cls._shared(
            cls.env["sales.region"].create({"name": "Test Policy Region"})
        )
        records["sales.purchase.cycle"] = cls._pair(
            "sales.purchase.cycle",
            lambda customer, user: {
                "partner_id": customer.id,
                "product_id": cls.env["product.product"]
                .create({"name": f"Test policy water {customer.id}"})
                .id,
                "days_per_unit_override": 7,
            },
        )
        # care reminders (greetings, return visits, refills) are activities
        # of the customer's salesperson on the customer
        greeting = cls.env.ref("sales_model_crm.mail_activity_type_greeting")
        records["mail.activity"] = cls._pair(
            "mail.activity",
            lambda customer, user: {
                "res_model_id": cls.env["ir.model"]._get_id("res.partner"),
                "res_id": customer.id,
                "activity_type_id": greeting.id,
                "summary": "Test policy birthday greeting",
                "user_id": user.id,
                "date_deadline": date.today() + timedelta(days=3),
            },
        )
        records["sales.audience"] = cls._pair(
            "sales.audience",
            lambda customer, user: {"name": "Test policy audience", "user_id": user.id},
        )

    @classmethod
    def _add_quota_records(cls):
        records = cls.records
        quotas = tuple(
            cls._quota(cls.jan, user, 1000)
            for user in (cls.salesman_li, cls.salesman_zhang)
        )
        records["sales.quota"] = quotas
        plans = cls.env["sales.plan"]._create_from_quotas(quotas[0] | quotas[1])
        records["sales.plan"] = tuple(
            plans.filtered(lambda plan, quota=quota: plan.quota_id == quota)
            for quota in quotas
        )
        records["sales.budget"] = tuple(
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
        records["sales.quota.settlement"] = tuple(
            settlements.filtered(
                lambda settlement, quota=quota: settlement.quota_id == quota
            )
            for quota in quotas
        )

    @classmethod
    def _add_execution_records(cls):
        """Records of issue 4's daily execution, Li's and Zhang's."""
        records = cls.records
        yesterday = date.today() - timedelta(days=1)
        records["sales.daily.review"] = cls._pair(
            "sales.daily.review",
            lambda customer, user: {"user_id": user.id, "date": yesterday},
        )
        records["sales.problem"] = cls._pair(
            "sales.problem",
            lambda customer, user: {"name": "Test policy problem", "user_id": user.id},
        )
        product = cls.env["product.product"].create({"name": "Test policy dispenser"})
        records["sales.collection.plan"] = cls._pair(
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
        for plan in records["sales.collection.plan"]:
            plan.installment_ids = [
                Command.create({"due_date": date.today(), "amount": plan.amount_total})
            ]
        # a deal of each salesperson's customer, for the funnel
        for customer, user in (
            (cls.customer_li, cls.salesman_li),
            (cls.customer_zhang, cls.salesman_zhang),
        ):
            cls.env["crm.lead"].create(
                {
                    "name": "Test policy deal",
                    "type": "opportunity",
                    "partner_id": customer.id,
                    "user_id": user.id,
                }
            )
        cls.env.flush_all()
        records["sales.funnel.report"] = tuple(
            cls.env["sales.funnel.report"].search(
                [("partner_id", "=", customer.id)], limit=1
            )
            for customer in (cls.customer_li, cls.customer_zhang)
        )
        records["sales.collection.report"] = tuple(
            cls.env["sales.collection.report"].search(
                [("plan_id", "=", plan.id)], limit=1
            )
            for plan in records["sales.collection.plan"]
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
        records["sales.announcement"] = cls._shared(bulletin.with_user(cls.env.user))
        # articles written by Li and by Zhang
        records["sales.knowledge.article"] = tuple(
            cls.env["sales.knowledge.article"]
            .with_user(user)
            .create({"name": "Test policy script"})
            .with_user(cls.env.user)
            for user in (cls.salesman_li, cls.salesman_zhang)
        )
