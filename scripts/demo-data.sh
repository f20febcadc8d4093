#!/usr/bin/env bash
# Records a small, realistic district book through the HTTP API, as its recorders would: two sellers, seven
# technology contracts with receipts, costs, reward decisions, publicity and payments (one reward overdue, one
# instalment overdue, one decision waiting for its approvals, one patent co-owned by both sellers, each rewarding its
# own people on its share), a self-implementation, achievements of the reserve
# library, enterprises' technology demands, incubated enterprises and the district's reference figures.
# Names are invented. Run it once against a fresh ledger:   make demo [LEDGER_URL=http://localhost:8080]
# Sent again, every command is recognised by its id and records nothing.
set -euo pipefail
API="${LEDGER_URL:-http://localhost:8080}/api/v1"

post() { # post USER:PASSWORD PATH JSON
  local answer status
  answer=$(curl -sS -u "$1" -H 'Content-Type: application/json' -X POST "$API$2" -d "$3" -w '\n%{http_code}')
  status=${answer##*$'\n'}
  case "$status" in
    200|201) printf '%s %s\n' "$status" "$2" ;;
    *) printf 'refused: POST %s answered %s\n%s\n' "$2" "$status" "${answer%$'\n'*}" >&2; exit 1 ;;
  esac
}
ADMIN=admin:admin-demo A=recorder-a:recorder-demo B=recorder-b:recorder-demo OFFICE=approver-office:approver-demo

post $ADMIN /institutions '{"institutionId": "DEMO-A", "name": "怀柔科学城纳米能源研究院（演示）",
  "type": "RESEARCH_INSTITUTE", "governmentEstablished": true, "regionCode": "110116", "policy": "BEIJING"}'
post $ADMIN /institutions '{"institutionId": "DEMO-B", "name": "雁栖湖科技大学（演示）",
  "type": "UNIVERSITY", "governmentEstablished": true, "regionCode": "110116", "policy": "NATIONAL"}'

# A licence running since 2023: the up-front payment decided, publicised and paid; this year's royalties not yet decided.
post $A /contracts '{"contractId": "A-2023-007", "registrationNumber": "2023110116000007", "kind": "LICENSE",
  "sellerInstitutionId": "DEMO-A", "licenseScope": "EXCLUSIVE", "ipKind": "PATENT",
  "buyer": {"name": "雁栖湖新材料有限公司", "type": "ENTERPRISE", "regionCode": "110116"},
  "technologyField": "纳米技术", "totalAmount": "3600000.00", "technologyAmount": "3200000.00", "signedOn": "2023-02-10",
  "achievements": ["柔性摩擦纳米发电机及其制备方法"],
  "contributors": [
    {"personId": "P-A01", "name": "张明远", "principal": true, "leadership": false},
    {"personId": "P-A02", "name": "李思涵", "principal": false, "leadership": false},
    {"personId": "P-A03", "name": "王建国", "principal": false, "leadership": true}]}'
post $A /contracts/A-2023-007/incomes '{"incomeId": "A-2023-007-I1", "amount": "1200000.00", "receivedOn": "2023-03-01", "category": "UPFRONT"}'
post $A /contracts/A-2023-007/costs '{"costId": "A-2023-007-C1", "amount": "72000.00", "incurredOn": "2023-03-05", "category": "TAX"}'
post $A /contracts/A-2023-007/reward-decisions '{"decisionId": "A-2023-007-D1", "decidedOn": "2023-04-20", "total": "789600.00",
  "allocations": [{"personId": "P-A01", "amount": "480000.00"}, {"personId": "P-A02", "amount": "189600.00"},
                  {"personId": "P-A03", "amount": "120000.00"}]}'
post $A /contracts/A-2023-007/publicity '{"noticeId": "A-2023-007-N1", "decisionId": "A-2023-007-D1", "from": "2023-04-21", "to": "2023-04-28"}'
post $A /contracts/A-2023-007/payments '{"paymentId": "A-2023-007-P1", "personId": "P-A01", "amount": "480000.00", "paidOn": "2023-05-10", "reference": "工资外发放 2023-05-01"}'
post $A /contracts/A-2023-007/payments '{"paymentId": "A-2023-007-P2", "personId": "P-A02", "amount": "189600.00", "paidOn": "2023-05-10", "reference": "工资外发放 2023-05-02"}'
post $A /contracts/A-2023-007/payments '{"paymentId": "A-2023-007-P3", "personId": "P-A03", "amount": "120000.00", "paidOn": "2023-05-12", "reference": "工资外发放 2023-05-03"}'
post $A /contracts/A-2023-007/incomes '{"incomeId": "A-2023-007-I2", "amount": "260000.00", "receivedOn": "2026-03-31", "category": "ROYALTY"}'
post $A /contracts/A-2023-007/incomes '{"incomeId": "A-2023-007-I3", "amount": "240000.00", "receivedOn": "2026-06-30", "category": "ROYALTY"}'
post $A /contracts/A-2023-007/incomes '{"incomeId": "A-2023-007-I4", "amount": "310000.00", "receivedOn": "2026-09-30", "category": "ROYALTY"}'

# An assignment paid in January 2023 whose reward was never decided: overdue since January 2026.
post $A /contracts '{"contractId": "A-2022-003", "registrationNumber": "2022110116000003", "kind": "ASSIGNMENT",
  "sellerInstitutionId": "DEMO-A", "ipKind": "PATENT",
  "buyer": {"name": "中关村智能传感有限公司", "type": "ENTERPRISE", "regionCode": "110108"},
  "technologyField": "电子信息", "totalAmount": "800000.00", "technologyAmount": "800000.00", "signedOn": "2022-11-18",
  "contributors": [{"personId": "P-A04", "name": "陈晓雯", "principal": true, "leadership": false},
                   {"personId": "P-A05", "name": "刘志强", "principal": false, "leadership": false}]}'
post $A /contracts/A-2022-003/incomes '{"incomeId": "A-2022-003-I1", "amount": "800000.00", "receivedOn": "2023-01-10", "category": "UPFRONT"}'

# An investment with the technology in a start-up that the park incubates: shares received and allocated.
post $A /contracts '{"contractId": "A-2024-015", "registrationNumber": "2024110116000015", "kind": "EQUITY_INVESTMENT",
  "sellerInstitutionId": "DEMO-A", "ipKind": "PATENT",
  "buyer": {"name": "怀柔纳能科技有限公司", "type": "ENTERPRISE", "regionCode": "110116"},
  "technologyField": "新能源", "totalAmount": "5000000.00", "technologyAmount": "5000000.00", "signedOn": "2024-05-08",
  "contributors": [{"personId": "P-A01", "name": "张明远", "principal": true, "leadership": false},
                   {"personId": "P-A06", "name": "赵雨桐", "principal": false, "leadership": false}]}'
post $A /contracts/A-2024-015/equity '{"equityId": "A-2024-015-E1", "company": "怀柔纳能科技有限公司", "shares": 1000000, "valuation": "5000000.00", "receivedOn": "2024-06-20"}'
post $A /contracts/A-2024-015/equity-rewards '{"decisionId": "A-2024-015-D1", "decidedOn": "2024-07-15", "totalShares": 700000,
  "allocations": [{"personId": "P-A01", "shares": 420000}, {"personId": "P-A06", "shares": 280000}]}'

# A development contract signed this year, paid in part, its reward decided and waiting for payment.
post $A /contracts '{"contractId": "A-2026-004", "registrationNumber": "2026110116000004", "kind": "DEVELOPMENT",
  "sellerInstitutionId": "DEMO-A",
  "buyer": {"name": "苏州纳微精密制造有限公司", "type": "ENTERPRISE", "regionCode": "320505"},
  "technologyField": "先进制造", "totalAmount": "500000.00", "technologyAmount": "420000.00", "signedOn": "2026-04-02",
  "contributors": [{"personId": "P-A05", "name": "刘志强", "principal": true, "leadership": false}]}'
post $A /contracts/A-2026-004/incomes '{"incomeId": "A-2026-004-I1", "amount": "250000.00", "receivedOn": "2026-05-06", "category": "INSTALLMENT"}'
post $A /contracts/A-2026-004/costs '{"costId": "A-2026-004-C1", "amount": "15000.00", "incurredOn": "2026-05-10", "category": "TRANSACTION"}'
post $A /contracts/A-2026-004/reward-decisions '{"decisionId": "A-2026-004-D1", "decidedOn": "2026-06-15", "total": "164500.00",
  "allocations": [{"personId": "P-A05", "amount": "164500.00"}]}'

# The university sells a drug-candidate patent in two instalments, both decided and paid.
post $B /contracts '{"contractId": "B-2024-011", "registrationNumber": "2024110116000011", "kind": "ASSIGNMENT",
  "sellerInstitutionId": "DEMO-B", "ipKind": "PATENT",
  "buyer": {"name": "北京燕山生物医药有限公司", "type": "ENTERPRISE", "regionCode": "110111"},
  "technologyField": "生物医药", "totalAmount": "12000000.00", "technologyAmount": "11500000.00", "signedOn": "2024-07-01",
  "contributors": [{"personId": "P-B01", "name": "孙立群", "principal": true, "leadership": false},
                   {"personId": "P-B02", "name": "周晓峰", "principal": true, "leadership": false},
                   {"personId": "P-B03", "name": "吴静", "principal": false, "leadership": false}]}'
post $B /contracts/B-2024-011/incomes '{"incomeId": "B-2024-011-I1", "amount": "6000000.00", "receivedOn": "2024-08-15", "category": "INSTALLMENT"}'
post $B /contracts/B-2024-011/costs '{"costId": "B-2024-011-C1", "amount": "360000.00", "incurredOn": "2024-08-20", "category": "TAX"}'
post $B /contracts/B-2024-011/reward-decisions '{"decisionId": "B-2024-011-D1", "decidedOn": "2024-10-10", "total": "2820000.00",
  "allocations": [{"personId": "P-B01", "amount": "1300000.00"}, {"personId": "P-B02", "amount": "1000000.00"},
                  {"personId": "P-B03", "amount": "520000.00"}]}'
post $B /contracts/B-2024-011/payments '{"paymentId": "B-2024-011-P1", "personId": "P-B01", "amount": "1300000.00", "paidOn": "2024-11-05", "reference": "财务处 2024-1105-01"}'
post $B /contracts/B-2024-011/payments '{"paymentId": "B-2024-011-P2", "personId": "P-B02", "amount": "1000000.00", "paidOn": "2024-11-05", "reference": "财务处 2024-1105-02"}'
post $B /contracts/B-2024-011/payments '{"paymentId": "B-2024-011-P3", "personId": "P-B03", "amount": "520000.00", "paidOn": "2024-11-05", "reference": "财务处 2024-1105-03"}'
post $B /contracts/B-2024-011/incomes '{"incomeId": "B-2024-011-I2", "amount": "6000000.00", "receivedOn": "2025-08-15", "category": "INSTALLMENT"}'
post $B /contracts/B-2024-011/reward-decisions '{"decisionId": "B-2024-011-D2", "decidedOn": "2025-09-20", "total": "3000000.00",
  "allocations": [{"personId": "P-B01", "amount": "1400000.00"}, {"personId": "P-B02", "amount": "1100000.00"},
                  {"personId": "P-B03", "amount": "500000.00"}]}'
post $B /contracts/B-2024-011/payments '{"paymentId": "B-2024-011-P4", "personId": "P-B01", "amount": "1400000.00", "paidOn": "2025-10-15", "reference": "财务处 2025-1015-01"}'

# A consulting contract for the space-science facility.
post $B /contracts '{"contractId": "B-2026-002", "registrationNumber": "2026110116000002", "kind": "CONSULTING",
  "sellerInstitutionId": "DEMO-B",
  "buyer": {"name": "怀柔空间技术服务有限公司", "type": "ENTERPRISE", "regionCode": "110116"},
  "technologyField": "空间科学", "totalAmount": "150000.00", "technologyAmount": "150000.00", "signedOn": "2026-09-01",
  "contributors": [{"personId": "P-B04", "name": "郑海燕", "principal": true, "leadership": false}]}'
post $B /contracts/B-2026-002/incomes '{"incomeId": "B-2026-002-I1", "amount": "150000.00", "receivedOn": "2026-10-12", "category": "OTHER"}'

# The development contract's second instalment was due at the end of November and has not come: a receivable overdue.
post $A /contracts/A-2026-004/payment-terms '{"termsId": "A-2026-004-T1", "instalments": [
  {"instalmentId": "A-2026-004-T1-1", "kind": "FIXED", "amount": "250000.00", "dueOn": "2026-05-31"},
  {"instalmentId": "A-2026-004-T1-2", "kind": "FIXED", "amount": "250000.00", "dueOn": "2026-11-30"}]}'

# A patent the institute owns with the university, 60 to 40, licensed by the institute: each co-owner decides and pays
# the reward on its own share under its own policy (the institute's 70%, the university's 50%); the university's is
# decided and not yet paid.
post $A /contracts '{"contractId": "A-2026-009", "registrationNumber": "2026110116000009", "kind": "LICENSE",
  "sellerInstitutionId": "DEMO-A", "licenseScope": "NON_EXCLUSIVE", "ipKind": "PATENT",
  "buyer": {"name": "京北光伏科技有限公司", "type": "ENTERPRISE", "regionCode": "110116"},
  "technologyField": "新能源", "totalAmount": "1000000.00", "technologyAmount": "1000000.00", "signedOn": "2026-04-08",
  "achievements": ["钙钛矿叠层电池封装工艺"],
  "contributors": [{"personId": "P-A06", "name": "赵一鸣", "principal": true, "leadership": false},
                   {"personId": "P-B05", "name": "周雨桐", "principal": true, "leadership": false}]}'
post $A /contracts/A-2026-009/co-owners '{"coOwnershipId": "A-2026-009-O1", "owners": [
  {"institutionId": "DEMO-A", "share": 0.6}, {"institutionId": "DEMO-B", "share": 0.4}]}'
post $A /contracts/A-2026-009/incomes '{"incomeId": "A-2026-009-I1", "amount": "1000000.00", "receivedOn": "2026-05-20", "category": "UPFRONT"}'
post $A /contracts/A-2026-009/reward-decisions '{"decisionId": "A-2026-009-D1", "decidedOn": "2026-06-10", "total": "420000.00",
  "allocations": [{"personId": "P-A06", "amount": "420000.00"}]}'
post $A /contracts/A-2026-009/publicity '{"noticeId": "A-2026-009-N1", "decisionId": "A-2026-009-D1", "from": "2026-06-11", "to": "2026-06-18"}'
post $A /contracts/A-2026-009/payments '{"paymentId": "A-2026-009-P1", "personId": "P-A06", "amount": "420000.00", "paidOn": "2026-06-30", "reference": "工资外发放 2026-06-07"}'
post $B /contracts/A-2026-009/reward-decisions '{"decisionId": "A-2026-009-B-D1", "institutionId": "DEMO-B", "decidedOn": "2026-07-06",
  "total": "200000.00", "allocations": [{"personId": "P-B05", "amount": "200000.00"}]}'

# From November the institute routes reward decisions through its research office, and from 500,000 through a vice-president:
# this year's royalties' reward is proposed and approved by the office, and waits for the vice-president.
post $ADMIN /institutions/DEMO-A/approval-policy '{"policyId": "DEMO-A-2026-11", "effectiveFrom": "2026-11-01",
  "steps": [{"level": "RESEARCH_OFFICE", "from": "0.01"}, {"level": "VICE_PRESIDENT", "from": "500000.00"}]}'
post $A /contracts/A-2023-007/reward-decisions '{"decisionId": "A-2023-007-D2", "decidedOn": "2026-11-20", "total": "567000.00",
  "allocations": [{"personId": "P-A01", "amount": "340200.00"}, {"personId": "P-A02", "amount": "226800.00"}]}'
post $OFFICE /contracts/A-2023-007/reward-decisions/A-2023-007-D2/approvals '{"approvalId": "A-2023-007-D2-A1", "approved": true,
  "on": "2026-11-25", "note": "科研处审核：分配比例符合本单位规定"}'

# The institute runs a pilot line of its own: a self-implementation, owing at least 5% of each year's operating profit;
# 2025's reward decided, publicised and paid in part.
post $A /implementations '{"implementationId": "IMP-A-001", "institutionId": "DEMO-A", "title": "摩擦纳米发电机中试线",
  "mode": "SELF", "productionStartedOn": "2024-03-01", "achievements": ["柔性摩擦纳米发电机及其制备方法"],
  "contributors": [{"personId": "P-A01", "name": "张明远", "principal": true, "leadership": false},
                   {"personId": "P-A02", "name": "李思涵", "principal": false, "leadership": false}]}'
post $A /implementations/IMP-A-001/profits '{"year": 2024, "operatingProfit": "0.00"}'
post $A /implementations/IMP-A-001/profits '{"year": 2025, "operatingProfit": "2400000.00"}'
post $A /implementations/IMP-A-001/reward-decisions '{"decisionId": "IMP-A-001-D1", "decidedOn": "2026-04-15", "total": "120000.00",
  "allocations": [{"personId": "P-A01", "amount": "80000.00"}, {"personId": "P-A02", "amount": "40000.00"}]}'
post $A /implementations/IMP-A-001/publicity '{"noticeId": "IMP-A-001-N1", "decisionId": "IMP-A-001-D1", "from": "2026-04-16", "to": "2026-04-23"}'
post $A /implementations/IMP-A-001/payments '{"paymentId": "IMP-A-001-P1", "personId": "P-A01", "amount": "80000.00", "paidOn": "2026-05-08", "reference": "工资外发放 2026-05-03"}'

# The reserve library, incubated enterprises and the district's reference figures.
post $A /achievements '{"achievementId": "ACH-A-001", "kind": "INVENTION_PATENT", "title": "柔性摩擦纳米发电机及其制备方法",
  "ownerInstitutionIds": ["DEMO-A"], "inventors": [{"name": "张明远", "personId": "P-A01"}, {"name": "李思涵", "personId": "P-A02"}],
  "technologyField": "纳米技术", "number": "ZL202110123456.7", "numberDate": "2022-08-16", "regionCode": "110116", "stage": "OFFERED"}'
post $A /achievements '{"achievementId": "ACH-A-002", "kind": "INVENTION_PATENT", "title": "自供能环境传感器阵列",
  "ownerInstitutionIds": ["DEMO-A", "DEMO-B"], "inventors": [{"name": "陈晓雯", "personId": "P-A04"}, {"name": "孙立群", "personId": "P-B01"}],
  "technologyField": "电子信息", "number": "ZL202210654321.0", "numberDate": "2024-03-12", "regionCode": "110116"}'
post $B /achievements '{"achievementId": "ACH-B-001", "kind": "SOFTWARE_COPYRIGHT", "title": "空间天气数据处理软件 V2.0",
  "ownerInstitutionIds": ["DEMO-B"], "inventors": [{"name": "郑海燕", "personId": "P-B04"}],
  "technologyField": "空间科学", "number": "2025SR0123456", "numberDate": "2025-04-01", "regionCode": "110116", "stage": "IN_NEGOTIATION"}'
post $A /incubations '{"incubationId": "INC-A-001", "incubatorInstitutionId": "DEMO-A", "enterpriseName": "怀柔纳能科技有限公司",
  "creditCode": "91110116MA01ABCD3X", "enteredOn": "2024-05-20"}'
post $B /incubations '{"incubationId": "INC-B-001", "incubatorInstitutionId": "DEMO-B", "enterpriseName": "雁栖湖智算科技有限公司",
  "creditCode": "91110116MA02EFGH7K", "enteredOn": "2023-09-01", "graduatedOn": "2026-06-30"}'
post $A /demands '{"demandId": "DEM-2026-001", "serviceInstitutionId": "DEMO-A", "enterpriseName": "怀柔智慧能源装备有限公司",
  "creditCode": "91110116MA03JKLM5P", "regionCode": "110116", "need": "为户外监测设备寻找免维护的自供能传感方案",
  "technologyField": "电子信息", "budget": "1500000.00", "publishedOn": "2026-07-01"}'
post $A /demands/DEM-2026-001/matches '{"matchId": "DEM-2026-001-M1", "achievementIds": ["ACH-A-002"], "matchedOn": "2026-07-20",
  "note": "对接会：研究院与企业技术负责人面谈"}'
post $B /demands '{"demandId": "DEM-2026-002", "serviceInstitutionId": "DEMO-B", "enterpriseName": "北京怀北遥感信息有限公司",
  "creditCode": "91110116MA04NPQR2T", "regionCode": "110116", "need": "空间天气数据的批量处理与可视化",
  "technologyField": "空间科学", "budget": "300000.00", "publishedOn": "2026-08-15"}'
post $ADMIN /regions/population '{"recordId": "POP-110116-2025", "regionCode": "110116", "year": 2025, "population": 441000, "source": "怀柔区统计年鉴（演示）"}'
post $ADMIN /regions/patent-stock '{"recordId": "PAT-110116-2025", "regionCode": "110116", "year": 2025, "inventionPatents": 1320, "source": "区知识产权局（演示）"}'
echo "demo data recorded: sign in at ${LEDGER_URL:-http://localhost:8080}/ (recorder-a / recorder-demo, finance / finance-demo)"
