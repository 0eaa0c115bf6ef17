# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer and contact import templates, with their profiles.

They are files for Odoo's own import (Contacts > Import records), so their
column headers are field paths (``sales_shareholder_ids/share``): Odoo maps a
technical name in every language, where a label would only map in English.
One-to-many lines (shareholders, family members, work history) follow their
partner on rows whose first columns are left empty, as Odoo's import reads
them. The example rows tell the playbook's story of a water company and the
people who decide there; a second sheet explains every column in English and
Chinese.
"""

from datetime import datetime

import xlsxwriter

# (column, what to type in English, in Chinese)
CUSTOMER_COLUMNS = [
    ("name", "Company name (required)", "公司名称（必填）"),
    ("is_company", "1 for a company", "公司填 1"),
    ("sales_kind_ids/id", "Kinds by XML id", "伙伴类别（XML ID）"),
    ("sales_scale", "micro, small, medium, large or group", "规模"),
    ("sales_founding_date", "Founded on, YYYY-MM-DD", "成立日期"),
    ("sales_employee_count", "Headcount", "员工人数"),
    ("sales_annual_revenue", "The customer's yearly turnover", "年营业额"),
    ("phone", "Phone", "电话"),
    ("email", "E-mail", "电子邮件"),
    ("city", "City", "城市"),
    ("country_id/id", "Country by XML id (base.cn)", "国家（XML ID）"),
    ("sales_decision_background", "How they decide", "决策背景"),
    ("sales_shareholder_ids/name", "Shareholder, one per row", "股东，每行一个"),
    ("sales_shareholder_ids/share", "Shareholding (%)", "持股比例（%）"),
    ("sales_department_ids/name", "Department, one per row", "部门，每行一个"),
]
CUSTOMER_ROWS = [
    [
        "华源水务有限公司",
        1,
        "sales_model_crm.sales_partner_kind_customer",
        "medium",
        "2008-05-12",
        320,
        58000000,
        "+86 21 5555 0101",
        "purchase@huayuan-water.example.com",
        "上海",
        "base.cn",
        "Budget set in November; the general manager signs above 200,000.",
        "华源控股集团",
        60,
        "采购部",
    ],
    [""] * 12 + ["陈建国", 40, "行政部"],
    [
        "青松物业管理有限公司",
        1,
        "sales_model_crm.sales_partner_kind_customer",
        "small",
        "2015-09-01",
        85,
        12000000,
        "+86 21 5555 0202",
        "office@qingsong.example.com",
        "苏州",
        "base.cn",
        "",
        "王秀英",
        100,
        "",
    ],
]

CONTACT_COLUMNS = [
    ("name", "Contact name (required)", "联系人姓名（必填）"),
    ("parent_id", "Company, as named in Odoo", "所属公司（与系统中名称一致）"),
    ("function", "Job position", "职位"),
    ("phone", "Phone", "电话"),
    ("email", "E-mail", "电子邮件"),
    ("sales_gender", "male, female or other", "性别"),
    ("sales_birthday", "Birthday, YYYY-MM-DD", "生日"),
    (
        "sales_decision_role",
        "decision_maker, influencer, user or gatekeeper",
        "决策角色",
    ),
    ("sales_hobby_ids", "Hobbies, separated by commas", "爱好，用逗号分隔"),
    ("sales_family_member_ids/name", "Family member, one per row", "家庭成员"),
    (
        "sales_family_member_ids/relation",
        "spouse, child, parent, sibling or other",
        "关系",
    ),
    ("sales_family_member_ids/birthday", "Their birthday", "家庭成员生日"),
    ("sales_experience_ids/employer", "Former employer, one per row", "曾任职单位"),
    ("sales_experience_ids/role", "Role there", "曾任职位"),
    ("sales_experience_ids/date_from", "From, YYYY-MM-DD", "起始日期"),
    ("sales_experience_ids/date_to", "To, YYYY-MM-DD", "结束日期"),
]
CONTACT_ROWS = [
    [
        "陈建国",
        "华源水务有限公司",
        "总经理",
        "+86 138 0000 0101",
        "chen.jianguo@huayuan-water.example.com",
        "male",
        "1972-02-29",
        "decision_maker",
        "茶道,高尔夫",
        "李梅",
        "spouse",
        "1974-06-18",
        "上海自来水公司",
        "副厂长",
        "1996-07-01",
        "2008-04-30",
    ],
    [""] * 9 + ["陈晓", "child", "2003-09-10", "", "", "", ""],
    [
        "刘芳",
        "华源水务有限公司",
        "采购经理",
        "+86 139 0000 0102",
        "liu.fang@huayuan-water.example.com",
        "female",
        "1986-11-03",
        "influencer",
        "瑜伽",
        "",
        "",
        "",
        "青松物业管理有限公司",
        "行政主管",
        "2010-03-01",
        "2016-12-31",
    ],
]

TEMPLATES = {
    "sales_customers_import.xlsx": (CUSTOMER_COLUMNS, CUSTOMER_ROWS),
    "sales_contacts_import.xlsx": (CONTACT_COLUMNS, CONTACT_ROWS),
}


def write_template(path, columns, rows):
    """One import sheet (headers, example rows), then the column guide."""
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    # a fixed creation date: regenerating an unchanged template leaves git clean
    workbook.set_properties({"created": datetime(2026, 1, 1), "title": path.stem})
    bold = workbook.add_format({"bold": True, "bg_color": "#D9E1F2"})
    sheet = workbook.add_worksheet("Import")
    for col, (header, _en, _zh) in enumerate(columns):
        sheet.write_string(0, col, header, bold)
        sheet.set_column(col, col, max(14, len(header) + 2))
    for row, values in enumerate(rows, start=1):
        for col, value in enumerate(values):
            if isinstance(value, int | float):
                sheet.write_number(row, col, value)
            elif value:
                sheet.write_string(row, col, value)
    sheet.freeze_panes(1, 0)
    guide = workbook.add_worksheet("Columns")
    for col, title in enumerate(("Column", "What to type", "填写说明")):
        guide.write_string(0, col, title, bold)
    for row, (header, english, chinese) in enumerate(columns, start=1):
        guide.write_string(row, 0, header)
        guide.write_string(row, 1, english)
        guide.write_string(row, 2, chinese)
    guide.set_column(0, 0, 36)
    guide.set_column(1, 2, 48)
    workbook.close()
    return path


def write_all(folder):
    """Write every template into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    return [
        write_template(folder / name, columns, rows)
        for name, (columns, rows) in TEMPLATES.items()
    ]
