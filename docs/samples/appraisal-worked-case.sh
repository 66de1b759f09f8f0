#!/usr/bin/env bash
# The worked case of docs/user-guide/appraisal.md, from proposal to signed opinion, through the API.
# Run it against an EAMS with the Trà Vinh model loaded (the default start), for example:
#   EAMS=http://localhost:8080 ADMIN_PASSWORD=... bash docs/samples/appraisal-worked-case.sh
# It imports the sample proposal, creates a reviewer and a department user of the Sở Tài nguyên và
# Môi trường, and plays the case: opening, dossier, estimate, checklist, decision. The approval
# merges the proposal into the Trà Vinh model — run it on a trial installation.
set -euo pipefail
EAMS=${EAMS:-http://localhost:8080}
ADMIN="admin:${ADMIN_PASSWORD:?set ADMIN_PASSWORD to the password of the administrator}"
REVIEWER="thamdinh.stttt:Mat-khau-tham-dinh-2026"
DEPT="canbo.stnmt:Mat-khau-so-tnmt-2026"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {'d': d}))" "$1"; }

# 1. The proposal (a model of kind proposal over tra-vinh-v1.0) and the two users
curl -sf -u "$ADMIN" -H 'Content-Type: application/xml' --data-binary \
  @"$ROOT/import/samples/de-xuat-phan-mem-ho-so-dat-dai.xml" "$EAMS/api/import" > /dev/null || true
curl -s -u "$ADMIN" -H 'Content-Type: application/json' -d \
  '{"username":"thamdinh.stttt","password":"Mat-khau-tham-dinh-2026","role":"reviewer","displayName":"Trần Thị Thẩm Định"}' \
  "$EAMS/api/users" > /dev/null
curl -s -u "$ADMIN" -H 'Content-Type: application/json' -d \
  '{"username":"canbo.stnmt","password":"Mat-khau-so-tnmt-2026","role":"department","agencyId":"tv-agency-so-tnmt","displayName":"Lê Văn Cán Bộ"}' \
  "$EAMS/api/users" > /dev/null

# 2. The department opens the case: recurrent budget, 2.4 billion VND, received Monday 16/11/2026
CASE=$(curl -sf -u "$DEPT" -H 'Content-Type: application/json' -d '{
  "proposalId": "de-xuat-dat-dai-stnmt", "funding": "recurrent", "totalVnd": 2400000000,
  "receivedOn": "2026-11-16", "benefitVnd": 900000000, "roadmapPhase": 2}' \
  "$EAMS/api/appraisal/cases" | json 'd["id"]')
echo "case $CASE"

# 3. The department files its dossier (one revision each; a later upload is a new revision)
TMP=$(mktemp -d)
printf '%%PDF-1.4\n%% To trinh tham dinh\n' > "$TMP/to-trinh.pdf"
printf '%%PDF-1.4\n%% De cuong\n' > "$TMP/de-cuong.pdf"
printf 'PK\003\004 du toan chi tiet' > "$TMP/du-toan-chi-tiet.xlsx"
for slot in submission:to-trinh.pdf outline:de-cuong.pdf detailed-estimate:du-toan-chi-tiet.xlsx; do
  curl -sf -u "$DEPT" -F "file=@$TMP/${slot#*:}" "$EAMS/api/appraisal/cases/$CASE/documents/${slot%%:*}" > /dev/null
done

# 4. The department's estimate: use-case points (CV 2589/BTTTT-ƯDCNTT) and the 5-year lifecycle
curl -sf -u "$DEPT" -X PUT -H 'Content-Type: application/json' -d '{
  "ucp": {"ruleSetId": "ucp-cv2589-2011",
    "actors": {"simple": 2, "average": 2, "complex": 1},
    "useCases": [
      {"name": "Tiếp nhận hồ sơ đất đai", "class": "B", "transactions": 5},
      {"name": "Tra cứu hồ sơ trực tuyến", "class": "B", "transactions": 3},
      {"name": "Thẩm định hồ sơ", "class": "M", "transactions": 8},
      {"name": "Cập nhật biến động đất đai", "class": "M", "transactions": 6},
      {"name": "Đồng bộ với CSDL đất đai quốc gia", "class": "T", "transactions": 9},
      {"name": "Báo cáo thống kê", "class": "B", "transactions": 4}],
    "technicalFactors": {"T1":3,"T2":3,"T3":3,"T4":3,"T5":2,"T6":2,"T7":4,"T8":1,"T9":3,"T10":3,"T11":4,"T12":2,"T13":2},
    "environmentalFactors": {"E1":2,"E2":3,"E3":3,"E4":3,"E5":3,"E6":3,"E7":0,"E8":1},
    "hourlyCostVnd": 115000},
  "lifecycle": {"discountRate": 0.08, "years": [
    {"year": 0, "capexVnd": 2400000000},
    {"year": 1, "opexVnd": 240000000, "benefitVnd": 900000000},
    {"year": 2, "opexVnd": 240000000, "benefitVnd": 900000000},
    {"year": 3, "opexVnd": 240000000, "benefitVnd": 900000000},
    {"year": 4, "opexVnd": 240000000, "benefitVnd": 900000000},
    {"year": 5, "opexVnd": 240000000, "benefitVnd": 900000000}]}}' \
  "$EAMS/api/appraisal/cases/$CASE/estimate" > /dev/null

# 5. The reviewer takes the case and judges the items EAMS cannot judge
VERSION=$(curl -sf -u "$REVIEWER" "$EAMS/api/appraisal/cases/$CASE" | json 'd["version"]')
curl -sf -u "$REVIEWER" -H 'Content-Type: application/json' \
  -d "{\"assignee\": \"thamdinh.stttt\", \"version\": $VERSION}" "$EAMS/api/appraisal/cases/$CASE/assign" > /dev/null
verdict() {
  curl -sf -u "$REVIEWER" -X PUT -H 'Content-Type: application/json' \
    -d "{\"verdict\": \"$2\", \"comment\": \"$3\"}" "$EAMS/api/appraisal/cases/$CASE/checklist/$1" > /dev/null
}
verdict plan-fit pass "Thuộc nhiệm vụ giai đoạn 2 của lộ trình Kiến trúc và kế hoạch ứng dụng CNTT năm 2027 của tỉnh."
verdict technology-option pass "Giải pháp web nhiều lớp, triển khai tại Trung tâm dữ liệu của tỉnh; phù hợp."
verdict standards pass "Áp dụng các tiêu chuẩn kết nối, trao đổi dữ liệu theo TT 39/2017/TT-BTTTT."
verdict estimate pass "Khối lượng phù hợp thiết kế; dự toán theo phương pháp điểm trường hợp sử dụng, CV 2589/BTTTT-ƯDCNTT."
curl -sf -u "$REVIEWER" "$EAMS/api/appraisal/cases/$CASE" | json \
  '"\n".join("%s %-28s %s" % (i["number"], i["id"], i["verdict"]) for i in d["checklist"])'

# 6. The decision: approval with conditions that remedy what the checks found; it merges the
#    proposal into the architecture and the opinion is ready to print
VERSION=$(curl -sf -u "$REVIEWER" "$EAMS/api/appraisal/cases/$CASE" | json 'd["version"]')
curl -sf -u "$REVIEWER" -H 'Content-Type: application/json' -d "{
  \"decision\": \"approve-with-conditions\", \"version\": $VERSION,
  \"reasons\": \"Dự án phù hợp Kiến trúc Chính quyền điện tử tỉnh Trà Vinh phiên bản 1.0, dùng lại Nền tảng chia sẻ, tích hợp (LGSP) và Hệ thống một cửa điện tử của tỉnh; các tồn tại nêu tại Mục II được khắc phục theo các điều kiện dưới đây.\",
  \"conditions\": [
    \"Xác định hệ thống ở cấp độ 3 (phục vụ trên 10.000 người dân có dữ liệu cá nhân, NĐ 85/2016 Điều 9) và lập hồ sơ đề xuất cấp độ trước khi vận hành.\",
    \"Khai thác dữ liệu đất đai từ Cơ sở dữ liệu quốc gia về đất đai qua LGSP; không xây dựng lại dữ liệu chủ.\",
    \"Tích hợp đăng nhập một lần với hệ thống Xác thực, cấp quyền người dùng của tỉnh.\"]}" \
  "$EAMS/api/appraisal/cases/$CASE/decision" | json '"%s, merged at change %s" % (d["status"], d["mergedSeq"])'
echo "opinion: $EAMS/appraisal/cases/$CASE/opinion"

# 7. Two more cases for the portfolio: the Sở Thông tin và Truyền thông's own one-stop system (the
#    duplication search ranks the provincial one first) and a lease of video conferencing
curl -sf -u "$ADMIN" -H 'Content-Type: application/json' -d '{"id": "de-xuat-mot-cua-stttt",
  "name": "Hệ thống một cửa điện tử của Sở Thông tin và Truyền thông",
  "properties": [{"key": "eams:kind", "value": "proposal"}, {"key": "eams:baseline", "value": "tra-vinh-v1.0"}]}' \
  "$EAMS/api/models" > /dev/null
REF=$(curl -sf -u "$ADMIN" -H 'Content-Type: application/json' -d '{"type": "BusinessActor",
  "name": "Sở Thông tin và Truyền thông", "properties": [{"key": "eams:ref", "value": "tv-agency-so-tttt"}]}' \
  "$EAMS/api/models/de-xuat-mot-cua-stttt/elements" | json 'd["id"]')
curl -sf -u "$ADMIN" -H 'Content-Type: application/json' -d "{\"type\": \"ApplicationComponent\",
  \"name\": \"Hệ thống một cửa điện tử\", \"specialization\": \"Application\",
  \"profile\": {\"applicationGroup\": \"business\", \"owner\": \"$REF\"}}" \
  "$EAMS/api/models/de-xuat-mot-cua-stttt/elements" > /dev/null
curl -sf -u "$REVIEWER" -H 'Content-Type: application/json' -d '{"proposalId": "de-xuat-mot-cua-stttt",
  "funding": "recurrent", "totalVnd": 1800000000, "receivedOn": "2026-11-23", "benefitVnd": 300000000,
  "roadmapPhase": 2}' "$EAMS/api/appraisal/cases" | json \
  '"case %s: first duplicate %s, saving %s VND" % (d["id"], d["duplication"][0]["candidateId"], d["duplication"][0]["estimatedSavingVnd"])'
curl -sf -u "$ADMIN" -H 'Content-Type: application/json' -d '{"id": "de-xuat-thue-hoi-nghi-truyen-hinh",
  "name": "Thuê dịch vụ hội nghị truyền hình trực tuyến cấp xã",
  "properties": [{"key": "eams:kind", "value": "proposal"}, {"key": "eams:baseline", "value": "tra-vinh-v1.0"}]}' \
  "$EAMS/api/models" > /dev/null
curl -sf -u "$REVIEWER" -H 'Content-Type: application/json' -d '{"proposalId": "de-xuat-thue-hoi-nghi-truyen-hinh",
  "agencyId": "tv-agency-so-tttt", "funding": "lease", "totalVnd": 950000000, "receivedOn": "2026-11-25",
  "benefitVnd": 400000000, "roadmapPhase": 3}' "$EAMS/api/appraisal/cases" | json \
  '"case %s: %s, due %s" % (d["id"], d["route"]["id"], d["deadline"]["date"])'
curl -sf -u "$REVIEWER" "$EAMS/api/appraisal/portfolio?budget=3000000000" | json \
  '"selection under 3 billion VND: %s (left out: %s)" % (d["selection"]["chosenTitles"], [(x["title"], x["reason"]) for x in d["selection"]["leftOut"]])'
echo "portfolio: $EAMS/appraisal/portfolio?budget=3000000000"
