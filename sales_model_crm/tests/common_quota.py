# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command

from .common import SalesModelCommon


class SalesQuotaCommon(SalesModelCommon):
    """The test company's assessment periods and an agent.

    Periods are in a fixed year (2030), so no test depends on today: the
    quarter Q1 holds the months January, February and March.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.sales_model_channel = True
        cls.company.sales_model_direct = True
        cls.quarter_type = cls._period_type("Test Quarter", "quarter")
        cls.month_type = cls._period_type("Test Month", "month")
        cls.q1 = cls._period("Test 2030-Q1", cls.quarter_type, date(2030, 1, 1), 3)
        cls.jan = cls._period("Test 2030-01", cls.month_type, date(2030, 1, 1), 1)
        cls.feb = cls._period("Test 2030-02", cls.month_type, date(2030, 2, 1), 1)
        cls.mar = cls._period("Test 2030-03", cls.month_type, date(2030, 3, 1), 1)
        cls.kind_agent = cls.env.ref("sales_model_crm.sales_partner_kind_agent")
        cls.agent = cls._create_agent(
            "Test Tianjin Water Agent", user_id=cls.salesman_li.id
        )

    @classmethod
    def _create_agent(cls, name, **values):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "sales_kind_ids": [Command.set(cls.kind_agent.ids)],
                **values,
            }
        )

    @classmethod
    def _period_type(cls, name, cycle):
        return cls.env["date.range.type"].create(
            {"name": name, "sales_cycle": cycle, "company_id": cls.company.id}
        )

    @classmethod
    def _period(cls, name, period_type, start, months):
        end_month = start.month + months
        end = date(start.year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1)
        return cls.env["date.range"].create(
            {
                "name": name,
                "type_id": period_type.id,
                "date_start": start,
                "date_end": date.fromordinal(end.toordinal() - 1),
                "company_id": cls.company.id,
            }
        )

    @classmethod
    def _split(cls, quota, **values):
        """Split ``quota`` with the wizard, as a manager does from its form."""
        cls.env["sales.quota.split"].with_context(
            active_model="sales.quota", active_id=quota.id
        ).create(values).action_split()

    @classmethod
    def _team_quarter_split(cls, logins):
        """A team of three salespeople (``logins``) whose Q1 of 240,000 goes
        30 / 30 / 40 into its months (72,000, 72,000, 96,000), each month
        equally into the three (24,000, 24,000 and 32,000 each)."""
        cls.salespeople = cls.env["res.users"].concat(
            *(
                cls._create_user(login, "sales_team.group_sale_salesman")
                for login in logins
            )
        )
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Test Shenzhen Team",
                "company_id": cls.company.id,
                "member_ids": [Command.set(cls.salespeople.ids)],
            }
        )
        cls.quarter = cls._quota(cls.q1, cls.team, 240_000)
        cls._split(cls.quarter, mode="period")
        for month in cls.quarter.child_ids:
            cls._split(month, mode="owner", owner_method="equal")

    @classmethod
    def _quota(cls, period, owner, target, minimum=None, stretch=None, **values):
        """A quota for a salesperson (res.users), a team or an agent."""
        owner_field = {
            "res.users": "user_id",
            "crm.team": "team_id",
            "res.partner": "agent_id",
        }[owner._name]
        owner_type = {"user_id": "user", "team_id": "team", "agent_id": "agent"}
        return cls.env["sales.quota"].create(
            {
                "period_id": period.id,
                "owner_type": owner_type[owner_field],
                owner_field: owner.id,
                "minimum": target * 0.8 if minimum is None else minimum,
                "target": target,
                "stretch": target * 1.2 if stretch is None else stretch,
                "company_id": cls.company.id,
                **values,
            }
        )
