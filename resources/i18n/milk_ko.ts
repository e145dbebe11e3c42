<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/about.py" line="73"/>
        <source>About MiL.k Wallet</source>
        <translation>MiL.k Wallet 정보</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/about.py" line="77"/>
        <source>MiL.k Wallet</source>
        <translation>MiL.k Wallet</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/about.py" line="78"/>
        <source>Version {}</source>
        <translation>버전 {}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/about.py" line="81"/>
        <source>Every MiL.k partner&apos;s points in one view, converted to and from MLK through TICA; your MLK key stays in this computer&apos;s keyring. Licence: proprietary, © the MiL.k Wallet authors.</source>
        <translation>모든 MiL.k 제휴사 포인트를 한눈에 보고 TICA를 통해 MLK와 교환합니다. MLK 키는 이 컴퓨터의 키링에만 보관됩니다. 라이선스: 독점 소프트웨어, © MiL.k Wallet 개발자.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/about.py" line="84"/>
        <source>Your data: {}</source>
        <translation>내 데이터: {}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/about.py" line="87"/>
        <source>Open data folder</source>
        <translation>데이터 폴더 열기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/about.py" line="88"/>
        <source>Open log folder</source>
        <translation>로그 폴더 열기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/about.py" line="93"/>
        <source>Third-party software</source>
        <translation>오픈소스 소프트웨어</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/about.py" line="99"/>
        <source>MiL.k Wallet is built on these open-source packages, used under their licences:</source>
        <translation>MiL.k Wallet은 다음 오픈소스 패키지를 각 라이선스에 따라 사용합니다:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/about.py" line="105"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="124"/>
        <location filename="../../app/ui/pages/activity.py" line="140"/>
        <source>Activity</source>
        <translation>활동</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="126"/>
        <source>All activity</source>
        <translation>전체 활동</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="126"/>
        <source>Conversions</source>
        <translation>교환</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="126"/>
        <source>Partner syncs</source>
        <translation>제휴사 동기화</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="127"/>
        <source>Expired points</source>
        <translation>소멸된 포인트</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="127"/>
        <source>Withdrawals and deposits</source>
        <translation>출금 및 입금</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="128"/>
        <source>Chain transactions</source>
        <translation>체인 거래</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="130"/>
        <source>All time</source>
        <translation>전체 기간</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="130"/>
        <source>Last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="130"/>
        <source>Last 30 days</source>
        <translation>최근 30일</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="131"/>
        <source>Last 12 months</source>
        <translation>최근 12개월</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="133"/>
        <source>Search details, hashes, addresses</source>
        <translation>내용, 해시, 주소 검색</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="136"/>
        <source>Show</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="136"/>
        <source>Asset</source>
        <translation>자산</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="137"/>
        <source>Period</source>
        <translation>기간</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="137"/>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="141"/>
        <source>Details of the selected entry</source>
        <translation>선택한 항목의 세부 정보</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="153"/>
        <source>All assets</source>
        <translation>모든 자산</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="188"/>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="197"/>
        <source>No activity matches these filters.</source>
        <translation>이 조건에 맞는 활동이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="198"/>
        <source>Nothing here yet.</source>
        <translation>아직 내역이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="200"/>
        <source>{n} shown</source>
        <translation>{n}건 표시</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="201"/>
        <source>scroll for more</source>
        <translation>스크롤하면 더 보기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="212"/>
        <source>Select a row to see its details, including the ledger hash.</source>
        <translation>항목을 선택하면 원장 해시를 포함한 상세 내용을 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="223"/>
        <source>Ledger entry</source>
        <translation>원장 항목</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="223"/>
        <source>Hash</source>
        <translation>해시</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="227"/>
        <source>On chain</source>
        <translation>체인</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="232"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="232"/>
        <source>To</source>
        <translation>받는 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="227"/>
        <location filename="../../app/ui/pages/activity.py" line="232"/>
        <source>Transaction</source>
        <translation>트랜잭션</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="142"/>
        <location filename="../../app/ui/pages/activity.py" line="250"/>
        <source>Export statement</source>
        <translation>거래 내역 내보내기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="143"/>
        <source>One row per entry, in your language, with partner names and KRW values (CSV)</source>
        <translation>항목마다 한 줄, 사용 중인 언어로 제휴사 이름과 원화 가치를 담은 파일 (CSV)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="145"/>
        <location filename="../../app/ui/pages/activity.py" line="255"/>
        <source>Ledger export</source>
        <translation>원장 내보내기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="146"/>
        <source>Every posting with its account, exact amount, key and hash (CSV)</source>
        <translation>모든 분개를 계정, 정확한 금액, 키, 해시와 함께 담은 파일 (CSV)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="239"/>
        <source>Hide technical details</source>
        <translation>기술 정보 숨기기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="240"/>
        <source>Technical details</source>
        <translation>기술 정보</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="265"/>
        <source>Exporting…</source>
        <translation>내보내는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="273"/>
        <source>Exported {n} entries to {path}</source>
        <translation>{n}건을 {path}에 내보냈습니다</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/password.py" line="56"/>
        <location filename="../../app/ui/dialogs/password.py" line="60"/>
        <location filename="../../app/ui/dialogs/password.py" line="75"/>
        <source>Change password</source>
        <translation>비밀번호 변경</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/password.py" line="61"/>
        <source>Your key is encrypted again with the new password. The recovery phrase stays the same.</source>
        <translation>키를 새 비밀번호로 다시 암호화합니다. 복구 문구는 그대로입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/password.py" line="65"/>
        <location filename="../../app/ui/dialogs/password.py" line="66"/>
        <source>Current password</source>
        <translation>현재 비밀번호</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/password.py" line="76"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/password.py" line="86"/>
        <source>The two new passwords differ.</source>
        <translation>새 비밀번호 두 개가 서로 다릅니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/password.py" line="89"/>
        <source>Encrypting your key again…</source>
        <translation>키를 다시 암호화하는 중…</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <location filename="../../app/ui/widgets/common.py" line="149"/>
        <source>Amount in {unit}</source>
        <translation>{unit} 금액</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/common.py" line="210"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>ConfirmConvertDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="19"/>
        <source>Confirm conversion</source>
        <translation>교환 확인</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="24"/>
        <source>Convert with TICA?</source>
        <translation>TICA로 교환할까요?</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="27"/>
        <source>You give</source>
        <translation>내는 금액</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="28"/>
        <source>You receive</source>
        <translation>받는 금액</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="29"/>
        <source>Fee</source>
        <translation>수수료</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="31"/>
        <source>At least</source>
        <translation>최소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="33"/>
        <source>At most</source>
        <translation>최대</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="35"/>
        <source>MLK price</source>
        <translation>MLK 시세</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="35"/>
        <source>manual price</source>
        <translation>수동 입력 시세</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="41"/>
        <source>If the price moves beyond this limit before TICA books it, nothing happens and you will be told why.</source>
        <translation>TICA가 처리하기 전에 가격이 이 한도를 넘어 움직이면 아무것도 실행되지 않으며, 그 이유를 알려 드립니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="46"/>
        <source>Convert</source>
        <translation>교환</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="49"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="65"/>
        <source>This quote has expired. Close this and get a new quote.</source>
        <translation>견적이 만료되었습니다. 이 창을 닫고 새 견적을 받으세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="69"/>
        <source>Quote valid for {s} s</source>
        <translation>견적 유효 시간 {s}초</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="17"/>
        <source>Edit address</source>
        <translation>주소 수정</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="17"/>
        <source>New address</source>
        <translation>새 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="28"/>
        <source>Exchange deposit address</source>
        <translation>거래소 입금 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="29"/>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="29"/>
        <source>Own</source>
        <translation>내 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="35"/>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="36"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="37"/>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="38"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="39"/>
        <source>Exchange</source>
        <translation>거래소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="43"/>
        <source>The network the exchange&apos;s deposit page names for this address. MLK sent on another network is usually lost.</source>
        <translation>거래소 입금 화면에서 이 주소에 대해 안내하는 네트워크입니다. 다른 네트워크로 보낸 MLK는 대개 되찾을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="51"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="51"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="72"/>
        <source>{name} (this wallet&apos;s network)</source>
        <translation>{name} (이 지갑의 네트워크)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../app/ui/errors.py" line="19"/>
        <source>Something went wrong: {}</source>
        <translation>문제가 발생했습니다: {}</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="28"/>
        <source>Enter an amount.</source>
        <translation>금액을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="29"/>
        <source>Enter the amount in digits, e.g. 1,000 or 12.5.</source>
        <translation>금액을 숫자로 입력하세요. 예: 1,000 또는 12.5</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="32"/>
        <source>The amount must be more than zero.</source>
        <translation>금액은 0보다 커야 합니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="33"/>
        <source>Write the amount in plain digits, without an exponent.</source>
        <translation>지수 표기 없이 숫자로만 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="36"/>
        <source>Points are whole numbers.</source>
        <translation>포인트는 정수로만 입력할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="37"/>
        <source>MLK has at most 18 decimal places.</source>
        <translation>MLK는 소수점 아래 18자리까지만 입력할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="38"/>
        <source>The amount is too large.</source>
        <translation>금액이 너무 큽니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="39"/>
        <source>This amount is too small to receive anything.</source>
        <translation>금액이 너무 작아 받을 수 있는 것이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="42"/>
        <source>Not enough {asset}: you have {have}, this needs {need}.</source>
        <translation>{asset} 잔액이 부족합니다. 보유 {have}, 필요 {need}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="54"/>
        <source>TICA&apos;s pool cannot cover this trade right now.</source>
        <translation>지금은 TICA 유동성 풀로 이 거래를 처리할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="57"/>
        <source>The smallest exchange is {min}; this trade moves {n}.</source>
        <translation>최소 교환 단위는 {min}이며, 이 거래는 {n}입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="60"/>
        <source>The MLK price is out of date, so TICA cannot quote. Update the price in Settings.</source>
        <translation>MLK 시세가 오래되어 TICA가 견적을 낼 수 없습니다. 설정에서 시세를 갱신하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="64"/>
        <source>There is no MLK price yet. Set one in Settings.</source>
        <translation>아직 MLK 시세가 없습니다. 설정에서 시세를 지정하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="67"/>
        <source>The price feed cannot be reached.</source>
        <translation>시세 제공처에 연결할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="68"/>
        <source>The price moved beyond your limit. Nothing was converted; get a new quote.</source>
        <translation>가격이 허용 한도를 넘어 움직였습니다. 교환되지 않았으니 새 견적을 받으세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="71"/>
        <source>The quote expired. Nothing was converted; get a new quote.</source>
        <translation>견적이 만료되었습니다. 교환되지 않았으니 새 견적을 받으세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="74"/>
        <source>Choose two different assets.</source>
        <translation>서로 다른 두 자산을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="75"/>
        <source>This request was already made with other details.</source>
        <translation>같은 요청이 다른 내용으로 이미 처리되었습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="78"/>
        <source>That verification code is not right.</source>
        <translation>인증 코드가 올바르지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="79"/>
        <source>Enter the member id shown in the partner&apos;s app (3 to 64 letters or digits).</source>
        <translation>제휴사 앱에 표시된 회원 ID를 입력하세요(영문·숫자 3~64자).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="82"/>
        <source>This partner is already linked.</source>
        <translation>이미 연결된 제휴사입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="53"/>
        <source>This partner is not linked.</source>
        <translation>연결되지 않은 제휴사입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="49"/>
        <source>{partner} is not linked. Points are converted in your {partner} account at {partner} itself, so link your membership on the Partners page first.</source>
        <translation>{partner}이(가) 연결되어 있지 않습니다. 포인트는 {partner}의 내 계정에서 교환되므로, 먼저 제휴사 페이지에서 회원 계정을 연결하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="83"/>
        <source>The partner cannot be reached right now.</source>
        <translation>지금은 제휴사에 연결할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="86"/>
        <source>Enter an address.</source>
        <translation>주소를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="87"/>
        <source>The address contains a space or an invisible character. Copy it again from the source.</source>
        <translation>주소에 공백이나 보이지 않는 문자가 있습니다. 원본에서 다시 복사하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="92"/>
        <source>An address starts with 0x followed by 40 hex digits.</source>
        <translation>주소는 0x 뒤에 16진수 40자리가 이어집니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="95"/>
        <source>The address has {n} hex digits; it needs exactly 40.</source>
        <translation>주소가 16진수 {n}자리입니다. 정확히 40자리여야 합니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="98"/>
        <source>The address&apos;s capitalisation does not match its checksum: a character is wrong. Copy it again.</source>
        <translation>주소의 대소문자가 체크섬과 맞지 않습니다. 한 글자가 틀렸으니 다시 복사하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="103"/>
        <source>That is the zero address: MLK sent there is destroyed.</source>
        <translation>제로 주소입니다. 이 주소로 보낸 MLK는 사라집니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="106"/>
        <source>Not enough MLK in your wallet.</source>
        <translation>지갑의 MLK가 부족합니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="117"/>
        <source>Confirm the warnings first.</source>
        <translation>먼저 경고를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="118"/>
        <source>The node is on a different chain than this network. Nothing was signed.</source>
        <translation>노드가 이 네트워크와 다른 체인에 연결되어 있습니다. 서명하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="121"/>
        <source>The blockchain node cannot be reached.</source>
        <translation>블록체인 노드에 연결할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="122"/>
        <source>The password is not right.</source>
        <translation>비밀번호가 올바르지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="123"/>
        <source>Choose a password of at least 8 characters.</source>
        <translation>8자 이상의 비밀번호를 정하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="124"/>
        <source>The two passwords differ.</source>
        <translation>두 비밀번호가 다릅니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="125"/>
        <source>Word {n} is not in the recovery word list.</source>
        <translation>{n}번째 단어가 복구 단어 목록에 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="128"/>
        <source>The words are valid but do not belong together: one is wrong or two are swapped.</source>
        <translation>단어는 올바르지만 조합이 맞지 않습니다. 한 단어가 틀렸거나 두 단어의 순서가 바뀌었습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="132"/>
        <source>A recovery phrase has 12 or 24 words.</source>
        <translation>복구 문구는 12개 또는 24개 단어입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="133"/>
        <source>A private key is 64 hex digits.</source>
        <translation>개인 키는 16진수 64자리입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="134"/>
        <source>A private key contains only 0-9 and a-f.</source>
        <translation>개인 키에는 0-9와 a-f만 들어갑니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="137"/>
        <source>That is not a valid private key.</source>
        <translation>올바른 개인 키가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="138"/>
        <source>Your key cannot be stored safely on this computer: no secure keyring is available. Install and unlock GNOME Keyring or KWallet.</source>
        <translation>이 컴퓨터에는 키를 안전하게 보관할 키링이 없습니다. GNOME 키링이나 KWallet을 설치하고 잠금을 해제하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="144"/>
        <source>The keyring is locked. Unlock it and try again.</source>
        <translation>키링이 잠겨 있습니다. 잠금을 해제한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="147"/>
        <source>The keyring did not answer. It may be waiting for an unlock prompt.</source>
        <translation>키링이 응답하지 않습니다. 잠금 해제 창을 기다리고 있을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="150"/>
        <source>This profile already has a wallet.</source>
        <translation>이 프로필에는 이미 지갑이 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="151"/>
        <source>This key is already in the keyring under another password. Enter the password you chose for it then, or remove that entry in Settings and import again.</source>
        <translation>이 키는 이미 다른 비밀번호로 키링에 있습니다. 그때 정한 비밀번호를 입력하거나, 설정에서 그 항목을 삭제한 뒤 다시 가져오세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="155"/>
        <source>This profile watches {watched}; the key you gave is for another address. Import the key of the watched address.</source>
        <translation>이 프로필은 {watched} 주소를 조회하고 있는데, 입력한 키는 다른 주소의 키입니다. 조회 중인 주소의 키를 가져오세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="159"/>
        <source>That file is not a keystore this app can read: {}</source>
        <translation>이 앱이 읽을 수 있는 키스토어 파일이 아닙니다: {}</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="163"/>
        <source>That is not the address&apos;s ending. Nothing was removed.</source>
        <translation>주소의 끝자리가 맞지 않습니다. 아무것도 삭제하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="165"/>
        <source>This is a watch-only wallet: it cannot sign.</source>
        <translation>조회 전용 지갑이라 서명할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="166"/>
        <source>There is no wallet yet.</source>
        <translation>아직 지갑이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="167"/>
        <source>The demo chain is open in another MiL.k window.</source>
        <translation>데모 체인이 다른 MiL.k 창에서 열려 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="170"/>
        <source>TICA&apos;s treasury cannot cover this withdrawal right now.</source>
        <translation>지금은 TICA 금고로 이 출금을 처리할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="173"/>
        <source>Only pending transactions can be sped up or cancelled.</source>
        <translation>대기 중인 거래만 가속하거나 취소할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="176"/>
        <source>That backup does not verify; nothing was restored.</source>
        <translation>그 백업은 검증을 통과하지 못했습니다. 아무것도 복원하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="182"/>
        <source>Back up and restore a PostgreSQL ledger with the server&apos;s own tools.</source>
        <translation>PostgreSQL 원장은 서버의 도구로 백업하고 복원하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="185"/>
        <source>That file is not a MiL.k ledger.</source>
        <translation>MiL.k 원장 파일이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="162"/>
        <location filename="../../app/ui/errors.py" line="186"/>
        <source>There is no such file.</source>
        <translation>그런 파일이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="107"/>
        <source>Not enough {coin} to pay the network fee.</source>
        <translation>네트워크 수수료를 낼 {coin}이(가) 부족합니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="109"/>
        <source>gas coin</source>
        <translation>가스 코인</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="110"/>
        <source>{entry} is a deposit address on {network}, but this wallet is on {current}. An exchange credits only deposits made on the network it gave the address for. Nothing was sent.</source>
        <translation>{entry}은(는) {network}의 입금 주소인데, 이 지갑은 {current}에 있습니다. 거래소는 주소를 안내한 네트워크로 보낸 입금만 반영합니다. 아무것도 보내지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="114"/>
        <source>This entry</source>
        <translation>이 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="179"/>
        <source>The backup copy did not verify; nothing was written. ({})</source>
        <translation>백업 사본이 검증되지 않아 아무것도 쓰지 않았습니다. ({})</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="187"/>
        <source>The ledger database is not available.</source>
        <translation>원장 데이터베이스를 사용할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="136"/>
        <source>Exchange</source>
        <translation>교환</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="137"/>
        <source>Convert through TICA</source>
        <translation>TICA로 교환</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="138"/>
        <source>From</source>
        <translation>보내는 자산</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="139"/>
        <source>To</source>
        <translation>받는 자산</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="140"/>
        <source>⇅ Swap</source>
        <translation>⇅ 바꾸기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="141"/>
        <source>I give this amount</source>
        <translation>이 금액을 냅니다</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="142"/>
        <source>I receive this amount</source>
        <translation>이 금액을 받습니다</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="143"/>
        <source>Max</source>
        <translation>최대</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="144"/>
        <source>Review conversion</source>
        <translation>교환 내용 확인</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="145"/>
        <source>Live quote</source>
        <translation>실시간 견적</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="146"/>
        <location filename="../../app/ui/pages/exchange.py" line="232"/>
        <location filename="../../app/ui/pages/exchange.py" line="290"/>
        <source>You receive</source>
        <translation>받는 금액</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="147"/>
        <location filename="../../app/ui/pages/exchange.py" line="233"/>
        <location filename="../../app/ui/pages/exchange.py" line="289"/>
        <source>You give</source>
        <translation>내는 금액</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="148"/>
        <location filename="../../app/ui/pages/exchange.py" line="149"/>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="150"/>
        <location filename="../../app/ui/pages/exchange.py" line="320"/>
        <source>TICA always trades at market value; every leg costs 1.5%. Quotes are valid for 30 seconds.</source>
        <translation>TICA는 항상 시장가로 거래하며, 단계마다 1.5% 수수료가 붙습니다. 견적은 30초간 유효합니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="184"/>
        <source>MLK (in the app)</source>
        <translation>MLK (앱 내)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="227"/>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="229"/>
        <source>Available: {}</source>
        <translation>사용 가능: {}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="240"/>
        <source>Getting a quote…</source>
        <translation>견적을 받는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="291"/>
        <source>Rate</source>
        <translation>환율</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="296"/>
        <source>{price} KRW per point</source>
        <translation>포인트당 {price}원</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="298"/>
        <source>{pct}% below face value</source>
        <translation>액면가보다 {pct}% 낮음</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="300"/>
        <source>{partner} price</source>
        <translation>{partner} 가격</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="302"/>
        <source>Fee (1.5% per leg)</source>
        <translation>수수료 (단계당 1.5%)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="304"/>
        <source>Minimum received</source>
        <translation>최소 수령액</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="306"/>
        <source>Maximum paid</source>
        <translation>최대 지불액</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="309"/>
        <source>manual price</source>
        <translation>수동 입력 시세</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="310"/>
        <source>MLK price</source>
        <translation>MLK 시세</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="347"/>
        <source>{partner} is not linked. Points are converted in your {partner} account at {partner} itself, so link your membership first.</source>
        <translation>{partner}이(가) 연결되어 있지 않습니다. 포인트는 {partner}의 내 계정에서 교환되므로, 먼저 회원 계정을 연결하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="349"/>
        <source>Link {partner}…</source>
        <translation>{partner} 연결…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="361"/>
        <source>Quote expired — refreshing…</source>
        <translation>견적 만료 — 새로 받는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="366"/>
        <source>Quote valid for {s} s</source>
        <translation>견적 유효 시간 {s}초</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="429"/>
        <source>{give} into {get}: pending at {partner}. It is held in your ledger and completes (or is returned) when the partner answers; the next sync asks again.</source>
        <translation>{give} → {get}: {partner} 응답 대기 중. 원장에 보류되어 있으며, 제휴사가 응답하면 완료(또는 반환)됩니다. 다음 동기화 때 다시 확인합니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="433"/>
        <source>{give} were converted, but {get} could not be delivered.</source>
        <translation>{give}은(는) 교환되었지만 {get}은(는) 지급되지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="438"/>
        <source>Converted {give} into {get}.</source>
        <translation>{give}을(를) {get}(으)로 교환했습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="440"/>
        <source>Ledger entry #{seq} · {hash}</source>
        <translation>원장 항목 #{seq} · {hash}</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="63"/>
        <location filename="../../app/ui/dialogs/first_run.py" line="134"/>
        <source>Welcome to MiL.k Wallet</source>
        <translation>MiL.k 지갑에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="135"/>
        <source>See every alliance partner&apos;s points in one place, convert them through TICA, and keep your MLK in a wallet whose key stays in this computer&apos;s keyring.</source>
        <translation>모든 제휴사 포인트를 한곳에서 확인하고 TICA로 교환하세요. MLK는 이 컴퓨터의 키링에 키를 보관하는 지갑에 안전하게 둡니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="138"/>
        <source>Create a new wallet</source>
        <translation>새 지갑 만들기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="140"/>
        <location filename="../../app/ui/dialogs/first_run.py" line="341"/>
        <source>Import a wallet</source>
        <translation>지갑 가져오기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="140"/>
        <source>From a recovery phrase or a private key.</source>
        <translation>복구 문구나 개인 키로 가져오기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="142"/>
        <location filename="../../app/ui/dialogs/first_run.py" line="477"/>
        <source>Watch an address</source>
        <translation>주소 조회만 하기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="142"/>
        <source>See balances without a key.</source>
        <translation>키 없이 잔액만 확인</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="145"/>
        <source>Start the demo</source>
        <translation>데모 시작</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="146"/>
        <source>A ready-made profile with linked partners and demo MLK.</source>
        <translation>제휴사가 연결되고 데모 MLK가 있는 준비된 프로필</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="158"/>
        <source>Choose</source>
        <translation>선택</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="176"/>
        <source>Create a wallet</source>
        <translation>지갑 만들기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="121"/>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="138"/>
        <source>A fresh key with a 12 or 24-word recovery phrase.</source>
        <translation>12개 또는 24개 단어의 복구 문구가 있는 새 키를 만듭니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="177"/>
        <source>Your wallet gets a recovery phrase: a list of words that is the only way to get your MLK back if this computer is lost. Choose how many words.</source>
        <translation>지갑에는 복구 문구가 생깁니다. 이 컴퓨터를 잃어버렸을 때 MLK를 되찾는 유일한 방법인 단어 목록입니다. 단어 수를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="180"/>
        <source>12 words (standard)</source>
        <translation>12개 단어 (표준)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="181"/>
        <source>24 words (extra strong)</source>
        <translation>24개 단어 (더 강력)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="188"/>
        <source>Show my recovery phrase</source>
        <translation>복구 문구 보기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="194"/>
        <source>Making your recovery phrase…</source>
        <translation>복구 문구를 만드는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="212"/>
        <source>Write these words on paper, in order, and keep them offline. Anyone with them owns your wallet; without them a lost computer means lost MLK. Never type them into a website or send them to anyone.</source>
        <translation>이 단어들을 순서대로 종이에 적어 오프라인에 보관하세요. 이 단어를 가진 사람은 누구나 지갑의 주인이 되며, 단어가 없으면 컴퓨터를 잃어버릴 때 MLK도 잃습니다. 웹사이트에 입력하거나 다른 사람에게 보내지 마세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="227"/>
        <source>Type the words at these positions, from your paper.</source>
        <translation>종이에 적은 문구에서 이 순서의 단어를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="232"/>
        <location filename="../../app/ui/dialogs/first_run.py" line="279"/>
        <source>Check later</source>
        <translation>나중에 확인</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="260"/>
        <source>Word {n} does not match. Check your paper.</source>
        <translation>{n}번째 단어가 맞지 않습니다. 적어 둔 종이를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="262"/>
        <source>Words {n} do not match. Check your paper.</source>
        <translation>{n}번째 단어가 맞지 않습니다. 적어 둔 종이를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="277"/>
        <source>Check later?</source>
        <translation>나중에 확인할까요?</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="278"/>
        <source>Without the check you may have a mistake on your paper and not know it. The Wallet page will remind you until you confirm the phrase.</source>
        <translation>확인하지 않으면 종이에 잘못 적은 단어가 있어도 알 수 없습니다. 문구를 확인할 때까지 지갑 화면에서 계속 알려 드립니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="283"/>
        <source>Import wallet</source>
        <translation>지갑 가져오기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="284"/>
        <location filename="../../app/ui/dialogs/first_run.py" line="298"/>
        <source>Create wallet</source>
        <translation>지갑 만들기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="288"/>
        <source>Protect it with a password</source>
        <translation>비밀번호로 보호하세요</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="290"/>
        <source>The password encrypts your key inside this computer&apos;s keyring; you need it to send MLK. It cannot be recovered — your recovery phrase can restore the wallet.</source>
        <translation>비밀번호는 이 컴퓨터의 키링 안에서 키를 암호화하며, MLK를 보낼 때 필요합니다. 비밀번호는 되찾을 수 없지만, 복구 문구로 지갑을 복원할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="305"/>
        <source>The two passwords differ.</source>
        <translation>두 비밀번호가 다릅니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="321"/>
        <source>Creating your key…</source>
        <translation>키를 만드는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="343"/>
        <location filename="../../app/ui/dialogs/first_run.py" line="362"/>
        <source>Recovery phrase or private key</source>
        <translation>복구 문구 또는 개인 키</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="344"/>
        <source>Keystore file (JSON)</source>
        <translation>키스토어 파일 (JSON)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="364"/>
        <source>The phrase has a passphrase, or the wallet is another account</source>
        <translation>복구 문구에 패스프레이즈가 있거나 다른 계정의 지갑입니다</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="372"/>
        <source>BIP-39 passphrase (optional)</source>
        <translation>BIP-39 패스프레이즈 (선택)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="373"/>
        <source>BIP-39 passphrase</source>
        <translation>BIP-39 패스프레이즈</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="377"/>
        <source>Account index</source>
        <translation>계정 번호</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="388"/>
        <source>A keystore v3 file, e.g. this app&apos;s own export, or one made by MetaMask, geth or ethers, and the password it was saved with.</source>
        <translation>키스토어 v3 파일(이 앱에서 내보낸 파일, 또는 MetaMask·geth·ethers로 만든 파일)과 그 파일을 저장할 때 쓴 비밀번호.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="392"/>
        <source>No file chosen</source>
        <translation>선택한 파일 없음</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="393"/>
        <source>Choose file…</source>
        <translation>파일 선택…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="399"/>
        <location filename="../../app/ui/dialogs/first_run.py" line="400"/>
        <source>The keystore&apos;s password</source>
        <translation>키스토어 비밀번호</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="426"/>
        <source>Choose a keystore file</source>
        <translation>키스토어 파일 선택</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="428"/>
        <source>Keystore files (*.json *)</source>
        <translation>키스토어 파일 (*.json *)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="436"/>
        <source>Choose the keystore file first.</source>
        <translation>먼저 키스토어 파일을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="466"/>
        <source>The keystore&apos;s password is not right.</source>
        <translation>키스토어 비밀번호가 맞지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="511"/>
        <source>The address you watched can now send: its key is in this computer&apos;s keyring.</source>
        <translation>조회하던 주소에서 이제 보낼 수 있습니다. 그 키가 이 컴퓨터의 키링에 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="514"/>
        <source>This key was already in this computer&apos;s keyring (from an earlier profile); your password opened it, and it is this profile&apos;s wallet now.</source>
        <translation>이 키는 이미 이 컴퓨터의 키링에 있었습니다(이전 프로필). 비밀번호로 열었으며, 이제 이 프로필의 지갑입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="518"/>
        <source>Remember to confirm your recovery phrase: the Wallet page shows a reminder until you do.</source>
        <translation>복구 문구를 꼭 확인하세요. 확인할 때까지 지갑 화면에 알림이 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="528"/>
        <source>Recovery phrase confirmed</source>
        <translation>복구 문구 확인 완료</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="529"/>
        <source>Keep the paper somewhere safe and offline.</source>
        <translation>종이는 안전한 오프라인 장소에 보관하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="530"/>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="556"/>
        <source>Close without creating the wallet? These words will be discarded and nothing is saved.</source>
        <translation>지갑을 만들지 않고 닫을까요? 이 단어들은 폐기되며 아무것도 저장되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="558"/>
        <source>Close without confirming your recovery phrase? The Wallet page will keep reminding you.</source>
        <translation>복구 문구를 확인하지 않고 닫을까요? 지갑 화면에서 계속 알려 드립니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="565"/>
        <source>Close the set-up?</source>
        <translation>설정을 닫을까요?</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="565"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="211"/>
        <source>Your recovery phrase</source>
        <translation>복구 문구</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="220"/>
        <source>I have written them down</source>
        <translation>적어 두었습니다</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="226"/>
        <source>Confirm your phrase</source>
        <translation>복구 문구 확인</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="238"/>
        <source>Confirm</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="246"/>
        <location filename="../../app/ui/dialogs/first_run.py" line="247"/>
        <source>Word {n}</source>
        <translation>{n}번째 단어</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="357"/>
        <source>Type or paste your 12 or 24-word recovery phrase, or a private key (64 hex digits).</source>
        <translation>12단어 또는 24단어 복구 문구나 개인 키(16진수 64자리)를 입력하거나 붙여 넣으세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="310"/>
        <source>Importing…</source>
        <translation>가져오는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="376"/>
        <source>Account 0</source>
        <translation>계정 0</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="407"/>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="459"/>
        <location filename="../../app/ui/dialogs/first_run.py" line="490"/>
        <source>Checking…</source>
        <translation>확인 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="478"/>
        <source>Balances and history only. You can import the key later to send.</source>
        <translation>잔액과 내역만 볼 수 있습니다. 보내려면 나중에 키를 가져오면 됩니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="481"/>
        <source>Address to watch</source>
        <translation>조회할 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="485"/>
        <source>Watch</source>
        <translation>조회하기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="496"/>
        <location filename="../../app/ui/dialogs/first_run.py" line="508"/>
        <source>Your wallet is ready</source>
        <translation>지갑이 준비되었습니다</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="501"/>
        <source>Open the wallet</source>
        <translation>지갑 열기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="509"/>
        <source>Address: {}</source>
        <translation>주소: {}</translation>
    </message>
</context>
<context>
    <name>ForgetKeyDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/password.py" line="108"/>
        <location filename="../../app/ui/dialogs/password.py" line="112"/>
        <source>Remove the key from this computer</source>
        <translation>이 컴퓨터에서 키 삭제</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/password.py" line="114"/>
        <source>The key of {address} is removed from this computer&apos;s keyring. The profile keeps its history and goes on watching the address, but cannot send. You get the key back only from your recovery phrase, the private key or a keystore backup — make sure you have one.</source>
        <translation>{address}의 키를 이 컴퓨터의 키링에서 삭제합니다. 프로필은 기록을 유지하고 주소를 계속 조회하지만 보낼 수는 없습니다. 키는 복구 문구, 개인 키 또는 키스토어 백업으로만 되찾을 수 있으니 하나는 꼭 갖고 있는지 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/password.py" line="119"/>
        <source>Type {tail} to confirm</source>
        <translation>확인하려면 {tail}을(를) 입력하세요</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/password.py" line="121"/>
        <source>The address&apos;s last 6 characters</source>
        <translation>주소의 마지막 6자리</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/password.py" line="126"/>
        <source>Remove key</source>
        <translation>키 삭제</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/password.py" line="128"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="27"/>
        <source>TICA funding</source>
        <translation>TICA 자금 조성</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="28"/>
        <source>Reward</source>
        <translation>보상</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="29"/>
        <source>Partner sync</source>
        <translation>제휴사 동기화</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="30"/>
        <source>Points → MLK</source>
        <translation>포인트 → MLK</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="31"/>
        <source>MLK → points</source>
        <translation>MLK → 포인트</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="32"/>
        <source>Points → points</source>
        <translation>포인트 → 포인트</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="36"/>
        <source>Partner unlinked</source>
        <translation>제휴사 연결 해제</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="37"/>
        <source>Expired</source>
        <translation>소멸</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="38"/>
        <source>Withdrawal</source>
        <translation>출금</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="39"/>
        <source>Withdrawal settled</source>
        <translation>출금 완료</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="40"/>
        <source>Withdrawal returned</source>
        <translation>출금 반환</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="41"/>
        <source>Deposit</source>
        <translation>입금</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="42"/>
        <location filename="../../app/ui/models/history_model.py" line="50"/>
        <source>Sent on chain</source>
        <translation>온체인 송금</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="43"/>
        <source>Cancellation</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="44"/>
        <source>Gas</source>
        <translation>가스</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="51"/>
        <source>Withdrawal on chain</source>
        <translation>온체인 출금</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="52"/>
        <source>Deposit on chain</source>
        <translation>온체인 입금</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="53"/>
        <source>Cancelled on chain</source>
        <translation>온체인 취소</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="54"/>
        <source>Gas on chain</source>
        <translation>온체인 가스</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="232"/>
        <source>wallet {}</source>
        <translation>지갑 {}</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="265"/>
        <source>{amount} to {to}: {status}.</source>
        <translation>{to}(으)로 {amount}: {status}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="273"/>
        <source>You gave {give} and received {get}, at 1 MLK = {price} (TICA&apos;s fee: {fee}).</source>
        <translation>{give}을(를) 주고 {get}을(를) 받았습니다. 시세 1 MLK = {price} (TICA 수수료: {fee}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="282"/>
        <source>{partner} took {points} from your account there for the conversion; it is complete.</source>
        <translation>{partner}이(가) 교환을 위해 내 계정에서 {points}을(를) 차감했습니다. 교환이 완료되었습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="286"/>
        <source>{partner} added {points} to your account there; the conversion is complete.</source>
        <translation>{partner}이(가) 내 계정에 {points}을(를) 적립했습니다. 교환이 완료되었습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="290"/>
        <source>{partner} was unlinked: its {points} are no longer shown in MiL.k (they stay at {partner}).</source>
        <translation>{partner} 연결이 해제되었습니다. {points}은(는) 더 이상 MiL.k에 표시되지 않습니다({partner}에 그대로 있습니다).</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="293"/>
        <source>{partner} did not move {points}, so the conversion was undone and what it held is back: {reason}</source>
        <translation>{partner}이(가) {points}을(를) 옮기지 않아 교환이 취소되었고, 보류했던 것은 돌아왔습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="298"/>
        <source>{partner} reported your points: {change}.</source>
        <translation>{partner}에서 포인트를 알려 왔습니다: {change}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="302"/>
        <source>{points} expired on {day}.</source>
        <translation>{points}가 {day}에 소멸되었습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="307"/>
        <source>{amount} left the app for {to}; it is held until the network confirms the transfer.</source>
        <translation>{amount}이(가) 앱에서 {to}(으)로 나갔습니다. 네트워크가 전송을 확인할 때까지 보류됩니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="309"/>
        <source>The network confirmed the withdrawal of {amount}.</source>
        <translation>네트워크가 {amount} 출금을 확인했습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="311"/>
        <source>The withdrawal of {amount} did not go through: the MLK is back in the app.</source>
        <translation>{amount} 출금이 이루어지지 않아 MLK가 앱으로 돌아왔습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="313"/>
        <source>{amount} arrived in the app from your wallet.</source>
        <translation>지갑에서 {amount}이(가) 앱으로 들어왔습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="203"/>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="33"/>
        <source>Redeemed</source>
        <translation>차감 완료</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="34"/>
        <source>Issued</source>
        <translation>적립 완료</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="35"/>
        <source>Returned</source>
        <translation>반환</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="204"/>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="205"/>
        <source>Details</source>
        <translation>내용</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="206"/>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="242"/>
        <source>to {to} · {status}</source>
        <translation>받는 곳 {to} · {status}</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="252"/>
        <source>Demo welcome reward</source>
        <translation>데모 가입 보상</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="253"/>
        <source>TICA&apos;s point inventory</source>
        <translation>TICA 포인트 재고</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="256"/>
        <source>TICA&apos;s MLK pool</source>
        <translation>TICA MLK 유동성 풀</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../app/ui/pages/home.py" line="183"/>
        <source>Home</source>
        <translation>홈</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="184"/>
        <location filename="../../app/ui/pages/home.py" line="189"/>
        <source>Total value</source>
        <translation>총 자산 가치</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="185"/>
        <source>Your points</source>
        <translation>내 포인트</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="186"/>
        <source>What you hold</source>
        <translation>자산 구성</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="187"/>
        <source>Expiring in the next 8 weeks</source>
        <translation>앞으로 8주 안에 소멸</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="188"/>
        <source>The last 90 days</source>
        <translation>최근 90일</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="190"/>
        <source>MLK price</source>
        <translation>MLK 시세</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="191"/>
        <source>No partner is linked yet. Link Yanolja, Shinsegae Duty Free, Seoul Airport Limousine or Delicar to see all your points here.</source>
        <translation>아직 연결된 제휴사가 없습니다. 야놀자, 신세계면세점, 서울공항리무진, 딜카를 연결하면 모든 포인트를 여기에서 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="194"/>
        <source>Link a partner</source>
        <translation>제휴사 연결</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="195"/>
        <source>Convert now</source>
        <translation>지금 교환</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="196"/>
        <source>Points</source>
        <translation>포인트</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="196"/>
        <location filename="../../app/ui/pages/home.py" line="354"/>
        <source>MLK in the app</source>
        <translation>앱 내 MLK</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="197"/>
        <location filename="../../app/ui/pages/home.py" line="357"/>
        <source>MLK in your wallet</source>
        <translation>지갑의 MLK</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="292"/>
        <source>1 MLK = {price} · {source}</source>
        <translation>1 MLK = {price} · {source}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="294"/>
        <source>live price</source>
        <translation>실시간 시세</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="295"/>
        <source>fixed price</source>
        <translation>고정 시세</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="300"/>
        <source>1 partner</source>
        <translation>제휴사 1곳</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="301"/>
        <source>{n} partners</source>
        <translation>제휴사 {n}곳</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="306"/>
        <source>No wallet yet</source>
        <translation>아직 지갑 없음</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="307"/>
        <source>Reading your wallet…</source>
        <translation>지갑 확인 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="328"/>
        <source>{points} of {partner} expire on {day}. Convert them before they expire.</source>
        <translation>{partner} {points}가 {day}에 소멸됩니다. 소멸되기 전에 교환하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="333"/>
        <source>1 more partner has points expiring within 30 days.</source>
        <translation>다른 제휴사 1곳의 포인트도 30일 안에 소멸됩니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="335"/>
        <source>{n} more partners have points expiring within 30 days.</source>
        <translation>다른 제휴사 {n}곳의 포인트도 30일 안에 소멸됩니다.</translation>
    </message>
</context>
<context>
    <name>LinkPartnerDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="19"/>
        <source>Link {}</source>
        <translation>{} 연결</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="23"/>
        <source>Link your {} membership</source>
        <translation>{} 회원 연결</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="24"/>
        <source>Enter the member id shown in the partner&apos;s app. The partner sends you a code to prove it is yours.</source>
        <translation>제휴사 앱에 표시된 회원 ID를 입력하세요. 본인 확인을 위해 제휴사가 인증 코드를 보냅니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="28"/>
        <location filename="../../app/ui/dialogs/link_partner.py" line="29"/>
        <source>Member id</source>
        <translation>회원 ID</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="30"/>
        <source>Send code</source>
        <translation>코드 받기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="38"/>
        <location filename="../../app/ui/dialogs/link_partner.py" line="39"/>
        <source>Verification code</source>
        <translation>인증 코드</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="46"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="47"/>
        <source>Link</source>
        <translation>연결</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="59"/>
        <source>Asking {}…</source>
        <translation>{}에 요청하는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="65"/>
        <source>A code was sent to {}.</source>
        <translation>{}(으)로 코드를 보냈습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="67"/>
        <source>Demo: the code is {}.</source>
        <translation>데모: 코드는 {}입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="78"/>
        <source>Checking the code…</source>
        <translation>코드를 확인하는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="84"/>
        <source>Linked. Your {points} at {partner} are now shown in MiL.k.</source>
        <translation>연결되었습니다. {partner}의 {points}를 이제 MiL.k에서 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="91"/>
        <source>Done</source>
        <translation>완료</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="180"/>
        <source>Go to {page}</source>
        <translation>{page} 열기</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="182"/>
        <source>Search activity</source>
        <translation>활동 검색</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="183"/>
        <source>Export activity as CSV</source>
        <translation>활동을 CSV로 내보내기</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="185"/>
        <source>Sync partners and refresh balances</source>
        <translation>제휴사 동기화 및 잔액 새로 고침</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="186"/>
        <source>Open settings</source>
        <translation>설정 열기</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="188"/>
        <source>Presenter mode: larger type, on or off</source>
        <translation>발표 모드: 큰 글씨 켜기/끄기</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="190"/>
        <source>Privacy mode: hide balances and addresses, on or off</source>
        <translation>개인정보 보호 모드: 잔액과 주소 숨기기 켜기/끄기</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="191"/>
        <location filename="../../app/ui/main_window.py" line="231"/>
        <source>Keyboard shortcuts</source>
        <translation>키보드 단축키</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="222"/>
        <source>MiL.k Wallet</source>
        <translation>MiL.k 지갑</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="222"/>
        <source>Demo</source>
        <translation>데모</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="224"/>
        <source>Home</source>
        <translation>홈</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="224"/>
        <source>Exchange</source>
        <translation>교환</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="224"/>
        <source>Wallet</source>
        <translation>지갑</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="225"/>
        <source>Activity</source>
        <translation>활동</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="225"/>
        <source>Partners</source>
        <translation>제휴사</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="226"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="228"/>
        <source>DEMO</source>
        <translation>데모</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="229"/>
        <source>Help</source>
        <translation>도움말</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="232"/>
        <source>About MiL.k Wallet</source>
        <translation>MiL.k Wallet 정보</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="233"/>
        <source>Guided tour (demo)</source>
        <translation>둘러보기 (데모)</translation>
    </message>
</context>
<context>
    <name>MoveMlkDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="25"/>
        <source>Withdraw MLK</source>
        <translation>MLK 출금</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="25"/>
        <source>Deposit MLK</source>
        <translation>MLK 입금</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="31"/>
        <source>In-app MLK goes to your wallet on the chain. TICA&apos;s treasury sends it; the amount is held until the network confirms the transfer.</source>
        <translation>앱 내 MLK를 체인 위의 내 지갑으로 보냅니다. TICA 금고가 전송하며, 네트워크가 확인할 때까지 금액이 보류됩니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="33"/>
        <source>MLK in your wallet goes into the app, where TICA can convert it. It is credited once the network has confirmed it.</source>
        <translation>지갑의 MLK를 앱으로 옮겨 TICA로 교환할 수 있게 합니다. 네트워크가 확인하면 입금됩니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="35"/>
        <source>Max</source>
        <translation>최대</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="43"/>
        <source>Demo password: {}</source>
        <translation>데모 비밀번호: {}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="66"/>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="67"/>
        <source>Signing…</source>
        <translation>서명하는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="79"/>
        <source>Available: {}</source>
        <translation>사용 가능: {}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="44"/>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="45"/>
        <source>Wallet password</source>
        <translation>지갑 비밀번호</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="51"/>
        <source>Withdraw</source>
        <translation>출금</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="51"/>
        <source>Deposit</source>
        <translation>입금</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="52"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="84"/>
        <source>{amount}: {status}. Transaction {hash}</source>
        <translation>{amount}: {status}. 거래 {hash}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="93"/>
        <source>Done</source>
        <translation>완료</translation>
    </message>
</context>
<context>
    <name>NewPasswordFields</name>
    <message>
        <location filename="../../app/ui/widgets/password_fields.py" line="72"/>
        <source>Password (at least 8 characters)</source>
        <translation>비밀번호 (8자 이상)</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/password_fields.py" line="73"/>
        <location filename="../../app/ui/widgets/password_fields.py" line="75"/>
        <source>Repeat the password</source>
        <translation>비밀번호 다시 입력</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/password_fields.py" line="74"/>
        <source>New password</source>
        <translation>새 비밀번호</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/password_fields.py" line="76"/>
        <source>Show password</source>
        <translation>비밀번호 표시</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/password_fields.py" line="77"/>
        <source>Password strength</source>
        <translation>비밀번호 강도</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/password_fields.py" line="85"/>
        <source>Too short</source>
        <translation>너무 짧음</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/password_fields.py" line="85"/>
        <source>Weak</source>
        <translation>약함</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/password_fields.py" line="85"/>
        <source>Fair</source>
        <translation>보통</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/password_fields.py" line="85"/>
        <source>Good</source>
        <translation>좋음</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/password_fields.py" line="86"/>
        <source>Strong</source>
        <translation>강함</translation>
    </message>
</context>
<context>
    <name>PartnerCard</name>
    <message>
        <location filename="../../app/ui/pages/home.py" line="46"/>
        <source>Press Enter to convert these points</source>
        <translation>Enter 키를 누르면 이 포인트를 교환합니다</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="49"/>
        <source>not linked</source>
        <translation>미연결</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="55"/>
        <source>{} now</source>
        <translation>현재 {}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="61"/>
        <source>{points} expire by {day}</source>
        <translation>{day}까지 {points} 소멸</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="65"/>
        <source>Nothing expires within 30 days</source>
        <translation>30일 안에 소멸되는 포인트 없음</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="71"/>
        <source>{points} leaving: pending at {partner}</source>
        <translation>{points} 차감 중: {partner} 응답 대기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="74"/>
        <source>{points} arriving: pending at {partner}</source>
        <translation>{points} 적립 중: {partner} 응답 대기</translation>
    </message>
</context>
<context>
    <name>PartnersPage</name>
    <message>
        <location filename="../../app/ui/pages/partners.py" line="40"/>
        <source>Partners</source>
        <translation>제휴사</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/partners.py" line="41"/>
        <source>Link a membership once; MiL.k then shows its points and keeps them in step when you sync.</source>
        <translation>회원을 한 번만 연결하면 MiL.k가 포인트를 보여 주고, 동기화할 때마다 최신 상태로 맞춥니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/partners.py" line="43"/>
        <source>Sync all</source>
        <translation>전체 동기화</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/partners.py" line="61"/>
        <source>Linked</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/partners.py" line="61"/>
        <source>Not linked</source>
        <translation>미연결</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/partners.py" line="65"/>
        <source>1 point = {krw} · minimum exchange {min}</source>
        <translation>1포인트 = {krw} · 최소 교환 {min}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/partners.py" line="68"/>
        <source>never</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/partners.py" line="69"/>
        <source>Member {member} · last sync {when}</source>
        <translation>회원 {member} · 마지막 동기화 {when}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/partners.py" line="75"/>
        <source>Sync</source>
        <translation>동기화</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/partners.py" line="75"/>
        <source>Unlink</source>
        <translation>연결 해제</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/partners.py" line="81"/>
        <source>Link</source>
        <translation>연결</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/password.py" line="24"/>
        <location filename="../../app/ui/dialogs/password.py" line="25"/>
        <source>Wallet password</source>
        <translation>지갑 비밀번호</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/password.py" line="29"/>
        <source>Continue</source>
        <translation>계속</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/password.py" line="31"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="40"/>
        <source>Send MLK</source>
        <translation>MLK 보내기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="50"/>
        <source>Send or cash out MLK</source>
        <translation>MLK 보내기 · 현금화</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="54"/>
        <source>Choose a saved destination — exchange deposit addresses come first — or paste an address.</source>
        <translation>저장된 받는 곳(거래소 입금 주소가 먼저 표시됩니다)을 고르거나 주소를 붙여 넣으세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="74"/>
        <source>Max</source>
        <translation>최대</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="78"/>
        <source>Review</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="85"/>
        <source>Check before you send</source>
        <translation>보내기 전에 확인하세요</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="93"/>
        <source>Demo password: {}</source>
        <translation>데모 비밀번호: {}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="94"/>
        <location filename="../../app/ui/dialogs/send.py" line="95"/>
        <source>Wallet password</source>
        <translation>지갑 비밀번호</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="100"/>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="101"/>
        <source>Sign and send</source>
        <translation>서명하고 보내기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="116"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="117"/>
        <source>Copy transaction hash</source>
        <translation>거래 해시 복사</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="160"/>
        <source>Checking…</source>
        <translation>확인 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="70"/>
        <location filename="../../app/ui/dialogs/send.py" line="180"/>
        <source>To</source>
        <translation>받는 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="181"/>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="182"/>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="184"/>
        <source>Network fee (at most)</source>
        <translation>네트워크 수수료 (최대)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="298"/>
        <source>this address looks like one you paid or saved before but is different — a common scam. Compare the marked characters below.</source>
        <translation>이전에 보냈거나 저장한 주소와 비슷하지만 다른 주소입니다. 흔한 사기 수법이니 아래 표시된 글자를 비교하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="306"/>
        <source>this cash-out is worth {value}, at or above Korea&apos;s travel-rule line: {exchange} accepts it only from a wallet registered in your name there. Register this wallet&apos;s address with {exchange} first, or the deposit may be held or returned.</source>
        <translation>이번 현금화 금액은 {value}로 트래블 룰 기준 이상입니다. {exchange}은(는) 본인 명의로 등록된 지갑에서 보낸 입금만 받습니다. 먼저 이 지갑 주소를 {exchange}에 등록하지 않으면 입금이 보류되거나 반환될 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="327"/>
        <source>This address</source>
        <translation>이 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="328"/>
        <source>The one you know</source>
        <translation>알고 있는 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="190"/>
        <source>Cash-out value on {}</source>
        <translation>{} 현금화 예상 금액</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="192"/>
        <source>Value</source>
        <translation>가치</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="201"/>
        <source>I understand: {}</source>
        <translation>확인했습니다: {}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="216"/>
        <source>Tick every warning to confirm you have read it.</source>
        <translation>모든 경고에 체크해 읽었음을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="220"/>
        <source>Signing…</source>
        <translation>서명 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="245"/>
        <source>See it on the explorer</source>
        <translation>탐색기에서 보기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="263"/>
        <source>Copied</source>
        <translation>복사됨</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="269"/>
        <source>Sent {amount} to {to} — confirmed.</source>
        <translation>{to}(으)로 {amount}을(를) 보냈습니다 — 확인 완료.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="275"/>
        <source>Sending {amount} to {to}: waiting for the network to confirm…</source>
        <translation>{to}(으)로 {amount} 보내는 중: 네트워크 확인을 기다리고 있습니다…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="279"/>
        <source>The transaction did not go through.</source>
        <translation>거래가 처리되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="283"/>
        <source>Status: {status}
Transaction: {hash}</source>
        <translation>상태: {status}
거래: {hash}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="291"/>
        <source>this is the MLK token contract; MLK sent to it is lost.</source>
        <translation>MLK 토큰 컨트랙트 주소입니다. 여기로 보낸 MLK는 잃게 됩니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="294"/>
        <source>this address is a smart contract, not a personal wallet.</source>
        <translation>개인 지갑이 아닌 스마트 컨트랙트 주소입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="297"/>
        <source>this is your own address.</source>
        <translation>내 지갑 주소입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="303"/>
        <source>you have never sent to this address. Consider a small test amount first.</source>
        <translation>처음 보내는 주소입니다. 먼저 소액으로 시험해 보세요.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="204"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="205"/>
        <source>Appearance</source>
        <translation>화면</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="206"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="207"/>
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="208"/>
        <source>Presenter mode: larger type for a projector ({keys})</source>
        <translation>발표 모드: 프로젝터용 큰 글씨 ({keys})</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="210"/>
        <source>Privacy mode: hide balances and addresses ({keys})</source>
        <translation>개인정보 보호 모드: 잔액과 주소 숨기기 ({keys})</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="217"/>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="218"/>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="223"/>
        <source>MLK price</source>
        <translation>MLK 시세</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="224"/>
        <source>KRW per MLK, e.g. 200</source>
        <translation>MLK당 원화, 예: 200</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="225"/>
        <source>MLK price in KRW</source>
        <translation>MLK 시세(원)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="226"/>
        <source>Upbit API address</source>
        <translation>업비트 API 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="227"/>
        <location filename="../../app/ui/pages/settings.py" line="341"/>
        <source>Use this price</source>
        <translation>이 시세 사용</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="229"/>
        <source>Use Upbit</source>
        <translation>업비트 시세 사용</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="230"/>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="231"/>
        <source>RPC URL</source>
        <translation>RPC URL</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="232"/>
        <source>Chain id</source>
        <translation>체인 ID</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="233"/>
        <source>MLK token</source>
        <translation>MLK 토큰</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="234"/>
        <source>TICA treasury</source>
        <translation>TICA 금고</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="236"/>
        <source>Use this node</source>
        <translation>이 노드 사용</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="237"/>
        <source>Use the demo chain</source>
        <translation>데모 체인 사용</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="238"/>
        <source>Security</source>
        <translation>보안</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="239"/>
        <source>Change password</source>
        <translation>비밀번호 변경</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="240"/>
        <location filename="../../app/ui/pages/settings.py" line="393"/>
        <location filename="../../app/ui/pages/settings.py" line="397"/>
        <source>Export keystore</source>
        <translation>키스토어 내보내기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="241"/>
        <location filename="../../app/ui/pages/settings.py" line="428"/>
        <source>Show recovery phrase</source>
        <translation>복구 문구 보기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="242"/>
        <source>Remove the key from this computer…</source>
        <translation>이 컴퓨터에서 키 삭제…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="243"/>
        <source>Reminders</source>
        <translation>알림</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="244"/>
        <source>Notify me before points expire</source>
        <translation>포인트가 소멸되기 전에 알림 받기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="245"/>
        <source>Days before</source>
        <translation>며칠 전</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="247"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="248"/>
        <source>Keep running in the tray when the window is closed, to sync and remind</source>
        <translation>창을 닫아도 트레이에서 계속 실행하며 동기화하고 알림 보내기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="252"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="253"/>
        <source>Verify ledger</source>
        <translation>원장 검증</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="254"/>
        <source>Back up</source>
        <translation>백업</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="255"/>
        <location filename="../../app/ui/pages/settings.py" line="493"/>
        <source>Restore</source>
        <translation>복원</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="256"/>
        <location filename="../../app/ui/pages/settings.py" line="545"/>
        <location filename="../../app/ui/pages/settings.py" line="547"/>
        <source>Reset demo</source>
        <translation>데모 초기화</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="257"/>
        <source>About MiL.k Wallet, licences and logs</source>
        <translation>MiL.k Wallet 정보, 라이선스, 로그</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="258"/>
        <source>Anchor now</source>
        <translation>지금 기록</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="259"/>
        <source>Anchor the ledger on the chain after each withdrawal and deposit</source>
        <translation>출금과 입금 때마다 원장을 체인에 기록</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="274"/>
        <source>Upbit</source>
        <translation>업비트</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="274"/>
        <source>fixed price</source>
        <translation>고정 시세</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="275"/>
        <source>1 MLK = {price} · {source} · {age} min old · fresh</source>
        <translation>1 MLK = {price} · {source} · {age}분 전 · 최신</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="284"/>
        <source>Now: {kind} · chain id {chain} · block {block}
MLK token {token}</source>
        <translation>현재: {kind} · 체인 ID {chain} · 블록 {block}
MLK 토큰 {token}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="285"/>
        <source>demo chain</source>
        <translation>데모 체인</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="290"/>
        <source>Keyring in use: {name} ({verdict})</source>
        <translation>사용 중인 키링: {name} ({verdict})</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="291"/>
        <source>secure</source>
        <translation>안전함</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="292"/>
        <source>not usable: it would keep secrets in a file or nowhere. Install and unlock GNOME Keyring or KWallet to create a wallet</source>
        <translation>사용 불가: 비밀을 파일에 두거나 아예 보관하지 못합니다. 지갑을 만들려면 GNOME 키링이나 KWallet을 설치하고 잠금을 해제하세요</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="297"/>
        <source>Profile: {dir}</source>
        <translation>프로필: {dir}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="328"/>
        <source>Saved.</source>
        <translation>저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="337"/>
        <source>Use a manual MLK price?</source>
        <translation>MLK 시세를 직접 입력할까요?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="338"/>
        <source>TICA will quote every conversion at {price} per MLK instead of the market price, and every quote will say &quot;manual price&quot;. Use it only if you know the price is right.</source>
        <translation>TICA가 시장 시세 대신 1 MLK당 {price}로 모든 교환 견적을 내며, 모든 견적에 &quot;수동 입력 시세&quot;라고 표시됩니다. 시세가 정확하다고 확신할 때만 사용하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="364"/>
        <source>A chain id is a whole number.</source>
        <translation>체인 ID는 정수입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="366"/>
        <source>Checking the node…</source>
        <translation>노드를 확인하는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="416"/>
        <source>The key was removed from this computer. The wallet is watch-only now.</source>
        <translation>이 컴퓨터에서 키를 삭제했습니다. 이제 지갑은 조회 전용입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="482"/>
        <source>Replace the ledger with the backup {name} ({n} entries, up to #{seq})? The current ledger is kept as a copy in the profile.</source>
        <translation>원장을 백업 {name}(항목 {n}개, #{seq}까지)으로 바꿀까요? 현재 원장은 프로필에 사본으로 보관됩니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="488"/>
        <source>This backup is older than this profile: restoring it takes back entries #{first}–#{last} (made after the backup). Restore only if you mean to undo them.</source>
        <translation>이 백업은 현재 프로필보다 오래되었습니다. 복원하면 백업 이후에 생긴 항목 #{first}–#{last}이(가) 되돌려집니다. 그 항목을 취소하려는 경우에만 복원하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="492"/>
        <source>Take back and restore</source>
        <translation>되돌리고 복원</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="497"/>
        <source>Restoring…</source>
        <translation>복원하는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="499"/>
        <source>Restored from {path}. The ledger it replaced is kept as {kept}.</source>
        <translation>{path}에서 복원했습니다. 교체된 원장은 {kept}(으)로 보관했습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="385"/>
        <source>Password changed.</source>
        <translation>비밀번호를 변경했습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="394"/>
        <source>The keystore file is encrypted with your password. Keep it as a backup.</source>
        <translation>키스토어 파일은 비밀번호로 암호화되어 있습니다. 백업으로 보관하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="406"/>
        <source>Keystore saved to {}</source>
        <translation>키스토어를 {}에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="429"/>
        <source>Make sure nobody can see your screen.</source>
        <translation>다른 사람이 화면을 볼 수 없는지 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="433"/>
        <source>Recovery phrase</source>
        <translation>복구 문구</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="435"/>
        <source>Anyone with these words owns your wallet.</source>
        <translation>이 단어를 가진 사람은 누구나 지갑을 소유합니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="442"/>
        <source>Verifying…</source>
        <translation>검증 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="449"/>
        <source>Ledger verified: {n} entries, every hash and balance checks out. Head #{seq} {hash}</source>
        <translation>원장 검증 완료: {n}개 항목의 해시와 잔액이 모두 맞습니다. 최신 #{seq} {hash}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="454"/>
        <source>The ledger has been altered: {n} problem(s), first at entry #{seq}.</source>
        <translation>원장이 변조되었습니다: 문제 {n}건, 첫 문제는 항목 #{seq}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="458"/>
        <source>Back up the ledger</source>
        <translation>원장 백업</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="464"/>
        <source>Backed up {n} entries to {path}</source>
        <translation>{n}개 항목을 {path}에 백업했습니다</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="469"/>
        <location filename="../../app/ui/pages/settings.py" line="491"/>
        <source>Restore the ledger</source>
        <translation>원장 복원</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="476"/>
        <source>Checking the backup…</source>
        <translation>백업을 확인하는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="507"/>
        <source>Public anchor: not yet. Anchoring writes the ledger&apos;s latest hash to the chain, where nobody holding this computer&apos;s files can take it back.</source>
        <translation>공개 기록: 아직 없음. 원장의 최신 해시를 체인에 기록하면, 이 컴퓨터의 파일을 가진 사람도 그것을 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="511"/>
        <source>Public anchor: entry #{seq} in block {block} (transaction {tx}).</source>
        <translation>공개 기록: 항목 #{seq}, 블록 {block} (거래 {tx}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="519"/>
        <source>Writing the ledger&apos;s head to the chain…</source>
        <translation>원장의 최신 상태를 체인에 기록하는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="523"/>
        <source>Anchored entry #{seq} in block {block}.</source>
        <translation>항목 #{seq}을(를) 블록 {block}에 기록했습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="546"/>
        <source>Start the demo again from the beginning? Everything done in it so far is cleared.</source>
        <translation>데모를 처음부터 다시 시작할까요? 지금까지 데모에서 한 모든 내용이 지워집니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="550"/>
        <source>Resetting the demo…</source>
        <translation>데모를 초기화하는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="551"/>
        <source>Demo reset.</source>
        <translation>데모를 초기화했습니다.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/shortcuts.py" line="15"/>
        <source>Keyboard shortcuts</source>
        <translation>키보드 단축키</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/shortcuts.py" line="31"/>
        <source>Tab and Shift+Tab move between controls; Enter runs the main action of a form or dialog; Esc closes a dialog.</source>
        <translation>Tab과 Shift+Tab으로 항목 사이를 옮겨 다니고, Enter로 입력 양식이나 대화 상자의 주된 동작을 실행하며, Esc로 대화 상자를 닫습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/shortcuts.py" line="36"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>Tour</name>
    <message>
        <location filename="../../app/ui/tour.py" line="120"/>
        <source>The tour stopped: {}</source>
        <translation>둘러보기가 멈췄습니다: {}</translation>
    </message>
    <message>
        <location filename="../../app/ui/tour.py" line="142"/>
        <source>This is MiL.k Wallet: every alliance partner&apos;s points in one view, worth KRW and MLK.</source>
        <translation>MiL.k Wallet입니다. 모든 제휴사 포인트를 한눈에, 원화와 MLK 가치로 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/tour.py" line="149"/>
        <source>Link a partner: {partner} sends a code to the member&apos;s app, and their points are shown here.</source>
        <translation>제휴사 연결: {partner}이(가) 회원 앱으로 코드를 보내면, 그 포인트가 여기에 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/tour.py" line="168"/>
        <source>The one view: every balance, its value, and what expires soon.</source>
        <translation>한눈에 보기: 모든 잔액과 가치, 그리고 곧 소멸될 포인트.</translation>
    </message>
    <message>
        <location filename="../../app/ui/tour.py" line="172"/>
        <source>Points about to expire are converted to MLK before they are lost: TICA quotes at market value, 1.5% per leg.</source>
        <translation>소멸 직전의 포인트를 잃기 전에 MLK로 교환합니다. TICA는 시장 가치로 견적을 내며, 수수료는 교환당 1.5%입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/tour.py" line="186"/>
        <source>Converted, and booked in the tamper-evident ledger.</source>
        <translation>교환이 완료되어 위변조를 감지하는 원장에 기록되었습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/tour.py" line="195"/>
        <source>That is MiL.k: points from every partner, rescued before they expire, turned into MLK you can cash out.</source>
        <translation>이것이 MiL.k입니다. 모든 제휴사 포인트를 소멸 전에 구해 내어, 현금화할 수 있는 MLK로 바꿉니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/tour.py" line="207"/>
        <source>Cashing out needs the demo wallet&apos;s key, and this computer has no keyring to keep it in: the wallet is watch-only here.</source>
        <translation>현금화하려면 데모 지갑의 키가 필요한데, 이 컴퓨터에는 키를 보관할 키링이 없어 지갑이 조회 전용입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/tour.py" line="213"/>
        <source>Cash out: MLK goes from the wallet to an Upbit deposit address on the right network, after every check.</source>
        <translation>현금화: 모든 확인을 거친 뒤, 지갑의 MLK를 올바른 네트워크의 업비트 입금 주소로 보냅니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/tour.py" line="230"/>
        <source>Sent to Upbit (demo) and confirmed on the chain.</source>
        <translation>업비트(데모)로 보냈고, 체인에서 확인되었습니다.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../app/ui/tray.py" line="55"/>
        <source>Open MiL.k Wallet</source>
        <translation>MiL.k Wallet 열기</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="56"/>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="98"/>
        <source>{partner} points expire soon</source>
        <translation>{partner} 포인트 소멸 예정</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="99"/>
        <source>{points} expire tomorrow. Convert them in MiL.k now.</source>
        <translation>{points}가 내일 소멸됩니다. 지금 MiL.k에서 교환하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="101"/>
        <source>{points} expire on {day}, in {n} days. Convert them before they expire.</source>
        <translation>{points}가 {n}일 뒤인 {day}에 소멸됩니다. 소멸되기 전에 교환하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="105"/>
        <source>{partner} balance changed</source>
        <translation>{partner} 잔액 변경</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="106"/>
        <source>{change} since the last sync.</source>
        <translation>지난 동기화 이후 {change}.</translation>
    </message>
</context>
<context>
    <name>WalletModels</name>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="17"/>
        <source>signed</source>
        <translation>서명됨</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="18"/>
        <source>pending</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="19"/>
        <source>confirmed</source>
        <translation>확인됨</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="20"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="21"/>
        <source>replaced</source>
        <translation>대체됨</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="25"/>
        <source>not seen by the node — re-broadcasting</source>
        <translation>노드에 보이지 않음 — 다시 전송하는 중</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="28"/>
        <source>1 confirmation</source>
        <translation>1회 확인</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="29"/>
        <source>{n} confirmations</source>
        <translation>{n}회 확인</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="41"/>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="42"/>
        <source>Withdrawal</source>
        <translation>출금</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="43"/>
        <source>Deposit</source>
        <translation>입금</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="44"/>
        <source>Cancel</source>
        <translation>취소 거래</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="45"/>
        <source>Gas</source>
        <translation>가스</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="106"/>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="107"/>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="108"/>
        <source>To</source>
        <translation>받는 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="109"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="110"/>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="132"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="133"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="134"/>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="36"/>
        <source>My wallet</source>
        <translation>내 지갑</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="142"/>
        <source>Own</source>
        <translation>내 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="143"/>
        <source>Exchange deposit</source>
        <translation>거래소 입금</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="144"/>
        <source>Other</source>
        <translation>기타</translation>
    </message>
</context>
<context>
    <name>WalletPage</name>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="168"/>
        <source>Wallet</source>
        <translation>지갑</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="169"/>
        <source>Set up your MLK wallet</source>
        <translation>MLK 지갑 설정</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="171"/>
        <source>Your key is kept in this computer&apos;s keyring, encrypted with your password — never in a file. Create a new wallet, import one from its recovery phrase or private key, or just watch an address.</source>
        <translation>키는 파일이 아닌 이 컴퓨터의 키링에 비밀번호로 암호화되어 보관됩니다. 새 지갑을 만들거나, 복구 문구·개인 키로 가져오거나, 주소만 조회할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="174"/>
        <source>Create a wallet</source>
        <translation>지갑 만들기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="175"/>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="176"/>
        <source>Watch an address</source>
        <translation>주소 조회만 하기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="177"/>
        <source>Your address</source>
        <translation>내 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="178"/>
        <source>Copy address</source>
        <translation>주소 복사</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="179"/>
        <source>Import the key to send</source>
        <translation>보내려면 키 가져오기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="181"/>
        <source>Back up your recovery phrase: you have not yet confirmed that it is written down. Without it, a lost computer means lost MLK.</source>
        <translation>복구 문구를 백업하세요. 아직 문구를 적어 두었는지 확인하지 않았습니다. 문구가 없으면 컴퓨터를 잃어버릴 때 MLK도 잃습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="183"/>
        <source>Back up now</source>
        <translation>지금 백업</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="184"/>
        <source>Balances</source>
        <translation>잔액</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="186"/>
        <source>MLK in your wallet</source>
        <translation>지갑의 MLK</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="186"/>
        <source>MLK in the app</source>
        <translation>앱 내 MLK</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="187"/>
        <source>On the way</source>
        <translation>처리 중</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="187"/>
        <source>For network fees</source>
        <translation>네트워크 수수료용</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="189"/>
        <source>Send / Cash out</source>
        <translation>보내기 / 현금화</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="190"/>
        <source>Withdraw from the app</source>
        <translation>앱에서 출금</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="191"/>
        <source>Deposit to the app</source>
        <translation>앱으로 입금</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="192"/>
        <source>Transactions</source>
        <translation>거래 내역</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="193"/>
        <source>Speed up</source>
        <translation>가속</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="194"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="195"/>
        <source>Address book</source>
        <translation>주소록</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="196"/>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="197"/>
        <source>Edit</source>
        <translation>수정</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="198"/>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="232"/>
        <source>Pending deposit: {amount}, {n} of {needed} confirmations</source>
        <translation>입금 대기: {amount}, 확인 {needed}회 중 {n}회</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="253"/>
        <source>Demo wallet: a demo-only key, kept in {keyring}. Demo password: {password}</source>
        <translation>데모 지갑: 데모 전용 키이며 {keyring}에 보관됩니다. 데모 비밀번호: {password}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="257"/>
        <source>The demo wallet is watch-only: {reason}</source>
        <translation>데모 지갑은 조회 전용입니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="259"/>
        <source>Watch-only: this app can show balances but cannot sign.</source>
        <translation>조회 전용: 잔액은 볼 수 있지만 서명할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="260"/>
        <source>Key kept in: {}</source>
        <translation>키 보관 위치: {}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="319"/>
        <source>TICA&apos;s treasury signs a replacement of this withdrawal with the same nonce and higher fees. A cancelled withdrawal returns the MLK to the app once the cancellation is confirmed.</source>
        <translation>TICA 트레저리가 같은 논스와 더 높은 수수료로 이 출금의 대체 거래에 서명합니다. 취소한 출금은 취소가 확인되면 MLK가 앱으로 돌아옵니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="230"/>
        <source>Network: {net} · block {block}</source>
        <translation>네트워크: {net} · 블록 {block}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="284"/>
        <source>Back up your recovery phrase</source>
        <translation>복구 문구 백업</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="285"/>
        <source>Make sure nobody can see your screen.</source>
        <translation>다른 사람이 화면을 볼 수 없는지 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="290"/>
        <source>Copied</source>
        <translation>복사됨</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="305"/>
        <source>Speed up transaction #{}</source>
        <translation>거래 #{} 가속</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="306"/>
        <source>Cancel transaction #{}</source>
        <translation>거래 #{} 취소</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="316"/>
        <source>A replacement with the same nonce and higher fees is signed and sent.</source>
        <translation>같은 논스에 더 높은 수수료로 대체 거래를 서명해 보냅니다.</translation>
    </message>
</context>
</TS>
