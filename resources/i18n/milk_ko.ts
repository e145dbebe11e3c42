<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ActivityPage</name>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="103"/>
        <location filename="../../app/ui/pages/activity.py" line="119"/>
        <source>Activity</source>
        <translation>활동</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="105"/>
        <source>All activity</source>
        <translation>전체 활동</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="105"/>
        <source>Conversions</source>
        <translation>교환</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="105"/>
        <source>Partner syncs</source>
        <translation>제휴사 동기화</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="106"/>
        <source>Expired points</source>
        <translation>소멸된 포인트</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="106"/>
        <source>Withdrawals and deposits</source>
        <translation>출금 및 입금</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="107"/>
        <source>Chain transactions</source>
        <translation>체인 거래</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="109"/>
        <source>All time</source>
        <translation>전체 기간</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="109"/>
        <source>Last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="109"/>
        <source>Last 30 days</source>
        <translation>최근 30일</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="110"/>
        <source>Last 12 months</source>
        <translation>최근 12개월</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="112"/>
        <source>Search details, hashes, addresses</source>
        <translation>내용, 해시, 주소 검색</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="115"/>
        <source>Show</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="115"/>
        <source>Asset</source>
        <translation>자산</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="116"/>
        <source>Period</source>
        <translation>기간</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="116"/>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="120"/>
        <source>Details of the selected entry</source>
        <translation>선택한 항목의 세부 정보</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="121"/>
        <source>Export CSV</source>
        <translation>CSV 내보내기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="127"/>
        <source>All assets</source>
        <translation>모든 자산</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="162"/>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="169"/>
        <source>Nothing here yet.</source>
        <translation>아직 내역이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="170"/>
        <source>{n} shown</source>
        <translation>{n}건 표시</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="171"/>
        <source>scroll for more</source>
        <translation>스크롤하면 더 보기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="181"/>
        <source>Select a row to see its details, including the ledger hash.</source>
        <translation>항목을 선택하면 원장 해시를 포함한 상세 내용을 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="191"/>
        <source>Ledger entry</source>
        <translation>원장 항목</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="191"/>
        <source>Hash</source>
        <translation>해시</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="191"/>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="196"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="196"/>
        <source>To</source>
        <translation>받는 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="196"/>
        <source>Transaction</source>
        <translation>트랜잭션</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="204"/>
        <source>Export activity</source>
        <translation>활동 내보내기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="212"/>
        <source>Exporting…</source>
        <translation>내보내는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/activity.py" line="215"/>
        <source>Exported {n} entries to {path}</source>
        <translation>{n}건을 {path}에 내보냈습니다</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <location filename="../../app/ui/widgets/common.py" line="128"/>
        <source>Amount in {unit}</source>
        <translation>{unit} 금액</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/common.py" line="154"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>ConfirmConvertDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="15"/>
        <source>Confirm conversion</source>
        <translation>교환 확인</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="20"/>
        <source>Convert with TICA?</source>
        <translation>TICA로 교환할까요?</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="28"/>
        <source>You give</source>
        <translation>내는 금액</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="30"/>
        <source>You receive</source>
        <translation>받는 금액</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="32"/>
        <source>Fee</source>
        <translation>수수료</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="34"/>
        <source>At least</source>
        <translation>최소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="36"/>
        <source>At most</source>
        <translation>최대</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="41"/>
        <source>If the price moves beyond this limit before TICA books it, nothing happens and you will be told why.</source>
        <translation>TICA가 처리하기 전에 가격이 이 한도를 넘어 움직이면 아무것도 실행되지 않으며, 그 이유를 알려 드립니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="44"/>
        <source>Convert</source>
        <translation>교환</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/confirm_convert.py" line="47"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="16"/>
        <source>Edit address</source>
        <translation>주소 수정</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="16"/>
        <source>New address</source>
        <translation>새 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="27"/>
        <source>Exchange deposit address</source>
        <translation>거래소 입금 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="28"/>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="28"/>
        <source>Own</source>
        <translation>내 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="33"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="34"/>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="35"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="36"/>
        <source>Exchange</source>
        <translation>거래소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="42"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/contact.py" line="42"/>
        <source>Save</source>
        <translation>저장</translation>
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
        <location filename="../../app/ui/errors.py" line="26"/>
        <source>Enter an amount.</source>
        <translation>금액을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="27"/>
        <source>Enter the amount in digits, e.g. 1,000 or 12.5.</source>
        <translation>금액을 숫자로 입력하세요. 예: 1,000 또는 12.5</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="30"/>
        <source>The amount must be more than zero.</source>
        <translation>금액은 0보다 커야 합니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="31"/>
        <source>Write the amount in plain digits, without an exponent.</source>
        <translation>지수 표기 없이 숫자로만 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="34"/>
        <source>Points are whole numbers.</source>
        <translation>포인트는 정수로만 입력할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="35"/>
        <source>MLK has at most 18 decimal places.</source>
        <translation>MLK는 소수점 아래 18자리까지만 입력할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="36"/>
        <source>The amount is too large.</source>
        <translation>금액이 너무 큽니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="37"/>
        <source>This amount is too small to receive anything.</source>
        <translation>금액이 너무 작아 받을 수 있는 것이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="40"/>
        <source>Not enough {asset}: you have {have}, this needs {need}.</source>
        <translation>{asset}이(가) 부족합니다. 보유 {have}, 필요 {need}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="47"/>
        <source>TICA&apos;s pool cannot cover this trade right now.</source>
        <translation>지금은 TICA 유동성 풀로 이 거래를 처리할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="50"/>
        <source>The smallest exchange is {min}; this trade moves {n}.</source>
        <translation>최소 교환 단위는 {min}이며, 이 거래는 {n}입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="53"/>
        <source>The MLK price is out of date, so TICA cannot quote. Update the price in Settings.</source>
        <translation>MLK 시세가 오래되어 TICA가 견적을 낼 수 없습니다. 설정에서 시세를 갱신하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="57"/>
        <source>There is no MLK price yet. Set one in Settings.</source>
        <translation>아직 MLK 시세가 없습니다. 설정에서 시세를 지정하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="60"/>
        <source>The price feed cannot be reached.</source>
        <translation>시세 제공처에 연결할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="61"/>
        <source>The price moved beyond your limit. Nothing was converted; get a new quote.</source>
        <translation>가격이 허용 한도를 넘어 움직였습니다. 교환되지 않았으니 새 견적을 받으세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="64"/>
        <source>The quote expired. Nothing was converted; get a new quote.</source>
        <translation>견적이 만료되었습니다. 교환되지 않았으니 새 견적을 받으세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="67"/>
        <source>Choose two different assets.</source>
        <translation>서로 다른 두 자산을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="68"/>
        <source>This request was already made with other details.</source>
        <translation>같은 요청이 다른 내용으로 이미 처리되었습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="71"/>
        <source>That verification code is not right.</source>
        <translation>인증 코드가 올바르지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="72"/>
        <source>Enter the member id shown in the partner&apos;s app (3 to 64 letters or digits).</source>
        <translation>제휴사 앱에 표시된 회원 ID를 입력하세요(영문·숫자 3~64자).</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="75"/>
        <source>This partner is already linked.</source>
        <translation>이미 연결된 제휴사입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="76"/>
        <source>This partner is not linked.</source>
        <translation>연결되지 않은 제휴사입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="77"/>
        <source>The partner cannot be reached right now.</source>
        <translation>지금은 제휴사에 연결할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="80"/>
        <source>Enter an address.</source>
        <translation>주소를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="81"/>
        <source>The address contains a space or an invisible character. Copy it again from the source.</source>
        <translation>주소에 공백이나 보이지 않는 문자가 있습니다. 원본에서 다시 복사하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="86"/>
        <source>An address starts with 0x followed by 40 hex digits.</source>
        <translation>주소는 0x 뒤에 16진수 40자리가 이어집니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="89"/>
        <source>The address has {n} hex digits; it needs exactly 40.</source>
        <translation>주소가 16진수 {n}자리입니다. 정확히 40자리여야 합니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="92"/>
        <source>The address&apos;s capitalisation does not match its checksum: a character is wrong. Copy it again.</source>
        <translation>주소의 대소문자가 체크섬과 맞지 않습니다. 한 글자가 틀렸으니 다시 복사하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="97"/>
        <source>That is the zero address: MLK sent there is destroyed.</source>
        <translation>제로 주소입니다. 이 주소로 보낸 MLK는 사라집니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="100"/>
        <source>Not enough MLK in your wallet.</source>
        <translation>지갑의 MLK가 부족합니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="101"/>
        <source>Not enough gas coin to pay the network fee.</source>
        <translation>네트워크 수수료를 낼 가스 코인이 부족합니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="104"/>
        <source>Confirm the warnings first.</source>
        <translation>먼저 경고를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="105"/>
        <source>The node is on a different chain than this network. Nothing was signed.</source>
        <translation>노드가 이 네트워크와 다른 체인에 연결되어 있습니다. 서명하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="108"/>
        <source>The blockchain node cannot be reached.</source>
        <translation>블록체인 노드에 연결할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="109"/>
        <source>The password is not right.</source>
        <translation>비밀번호가 올바르지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="110"/>
        <source>Choose a password of at least 8 characters.</source>
        <translation>8자 이상의 비밀번호를 정하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="111"/>
        <source>The two passwords differ.</source>
        <translation>두 비밀번호가 다릅니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="112"/>
        <source>Word {n} is not in the recovery word list.</source>
        <translation>{n}번째 단어가 복구 단어 목록에 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="115"/>
        <source>The words are valid but do not belong together: one is wrong or two are swapped.</source>
        <translation>단어는 올바르지만 조합이 맞지 않습니다. 한 단어가 틀렸거나 두 단어의 순서가 바뀌었습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="119"/>
        <source>A recovery phrase has 12 or 24 words.</source>
        <translation>복구 문구는 12개 또는 24개 단어입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="120"/>
        <source>A private key is 64 hex digits.</source>
        <translation>개인 키는 16진수 64자리입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="121"/>
        <source>A private key contains only 0-9 and a-f.</source>
        <translation>개인 키에는 0-9와 a-f만 들어갑니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="124"/>
        <source>That is not a valid private key.</source>
        <translation>올바른 개인 키가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="125"/>
        <source>Your key cannot be stored safely on this computer: no secure keyring is available. Install and unlock GNOME Keyring or KWallet.</source>
        <translation>이 컴퓨터에는 키를 안전하게 보관할 키링이 없습니다. GNOME 키링이나 KWallet을 설치하고 잠금을 해제하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="131"/>
        <source>The keyring is locked. Unlock it and try again.</source>
        <translation>키링이 잠겨 있습니다. 잠금을 해제한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="134"/>
        <source>The keyring did not answer. It may be waiting for an unlock prompt.</source>
        <translation>키링이 응답하지 않습니다. 잠금 해제 창을 기다리고 있을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="137"/>
        <source>This profile already has a wallet.</source>
        <translation>이 프로필에는 이미 지갑이 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="138"/>
        <source>This is a watch-only wallet: it cannot sign.</source>
        <translation>조회 전용 지갑이라 서명할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="139"/>
        <source>There is no wallet yet.</source>
        <translation>아직 지갑이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="140"/>
        <source>The demo chain is open in another MiL.k window.</source>
        <translation>데모 체인이 다른 MiL.k 창에서 열려 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="143"/>
        <source>TICA&apos;s treasury cannot cover this withdrawal right now.</source>
        <translation>지금은 TICA 금고로 이 출금을 처리할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="146"/>
        <source>Only pending transactions can be sped up or cancelled.</source>
        <translation>대기 중인 거래만 가속하거나 취소할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="149"/>
        <source>That backup does not verify; nothing was restored.</source>
        <translation>그 백업은 검증을 통과하지 못했습니다. 아무것도 복원하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="152"/>
        <source>The backup copy did not verify; nothing was written.</source>
        <translation>백업 사본이 검증을 통과하지 못해 아무것도 저장하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="155"/>
        <source>Back up and restore a PostgreSQL ledger with the server&apos;s own tools.</source>
        <translation>PostgreSQL 원장은 서버의 도구로 백업하고 복원하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="158"/>
        <source>That file is not a MiL.k ledger.</source>
        <translation>MiL.k 원장 파일이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="159"/>
        <source>There is no such file.</source>
        <translation>그런 파일이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="160"/>
        <source>The ledger database is not available.</source>
        <translation>원장 데이터베이스를 사용할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="125"/>
        <source>Exchange</source>
        <translation>교환</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="126"/>
        <source>Convert through TICA</source>
        <translation>TICA로 교환</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="127"/>
        <source>From</source>
        <translation>보내는 자산</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="128"/>
        <source>To</source>
        <translation>받는 자산</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="129"/>
        <source>⇅ Swap</source>
        <translation>⇅ 바꾸기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="130"/>
        <source>I give this amount</source>
        <translation>이 금액을 냅니다</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="131"/>
        <source>I receive this amount</source>
        <translation>이 금액을 받습니다</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="132"/>
        <source>Max</source>
        <translation>최대</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="133"/>
        <source>Review conversion</source>
        <translation>교환 내용 확인</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="134"/>
        <source>Live quote</source>
        <translation>실시간 견적</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="135"/>
        <location filename="../../app/ui/pages/exchange.py" line="212"/>
        <location filename="../../app/ui/pages/exchange.py" line="264"/>
        <source>You receive</source>
        <translation>받는 금액</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="136"/>
        <location filename="../../app/ui/pages/exchange.py" line="213"/>
        <location filename="../../app/ui/pages/exchange.py" line="263"/>
        <source>You give</source>
        <translation>내는 금액</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="137"/>
        <location filename="../../app/ui/pages/exchange.py" line="138"/>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="139"/>
        <location filename="../../app/ui/pages/exchange.py" line="287"/>
        <source>TICA always trades at market value; every leg costs 1.5%. Quotes are valid for 30 seconds.</source>
        <translation>TICA는 항상 시장가로 거래하며, 단계마다 1.5% 수수료가 붙습니다. 견적은 30초간 유효합니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="169"/>
        <source>MLK (in the app)</source>
        <translation>MLK (앱 내)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="207"/>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="209"/>
        <source>Available: {}</source>
        <translation>사용 가능: {}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="220"/>
        <source>Getting a quote…</source>
        <translation>견적을 받는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="265"/>
        <source>Rate</source>
        <translation>환율</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="270"/>
        <source>{price} KRW per point</source>
        <translation>포인트당 {price}원</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="272"/>
        <source>{pct}% below face value</source>
        <translation>액면가보다 {pct}% 낮음</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="274"/>
        <source>{partner} price</source>
        <translation>{partner} 가격</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="276"/>
        <source>Fee (1.5% per leg)</source>
        <translation>수수료 (단계당 1.5%)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="278"/>
        <source>Minimum received</source>
        <translation>최소 수령액</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="280"/>
        <source>Maximum paid</source>
        <translation>최대 지불액</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="281"/>
        <source>MLK price</source>
        <translation>MLK 시세</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="296"/>
        <source>Quote expired — refreshing…</source>
        <translation>견적 만료 — 새로 받는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="301"/>
        <source>Quote valid for {s} s</source>
        <translation>견적 유효 시간 {s}초</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="339"/>
        <source>Converted {give} into {get}.</source>
        <translation>{give}을(를) {get}(으)로 교환했습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/exchange.py" line="341"/>
        <source>Ledger entry #{seq} · {hash}</source>
        <translation>원장 항목 #{seq} · {hash}</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="37"/>
        <location filename="../../app/ui/dialogs/first_run.py" line="77"/>
        <source>Welcome to MiL.k Wallet</source>
        <translation>MiL.k 지갑에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="78"/>
        <source>See every alliance partner&apos;s points in one place, convert them through TICA, and keep your MLK in a wallet whose key stays in this computer&apos;s keyring.</source>
        <translation>모든 제휴사 포인트를 한곳에서 확인하고 TICA로 교환하세요. MLK는 이 컴퓨터의 키링에 키를 보관하는 지갑에 안전하게 둡니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="81"/>
        <source>Create a new wallet</source>
        <translation>새 지갑 만들기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="81"/>
        <source>A fresh key with a 12-word recovery phrase.</source>
        <translation>12단어 복구 문구가 있는 새 키</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="83"/>
        <location filename="../../app/ui/dialogs/first_run.py" line="204"/>
        <source>Import a wallet</source>
        <translation>지갑 가져오기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="83"/>
        <source>From a recovery phrase or a private key.</source>
        <translation>복구 문구나 개인 키로 가져오기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="85"/>
        <location filename="../../app/ui/dialogs/first_run.py" line="233"/>
        <source>Watch an address</source>
        <translation>주소 조회만 하기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="85"/>
        <source>See balances without a key.</source>
        <translation>키 없이 잔액만 확인</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="89"/>
        <source>Start the demo</source>
        <translation>데모 시작</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="90"/>
        <source>A ready-made profile with linked partners and demo MLK.</source>
        <translation>제휴사가 연결되고 데모 MLK가 있는 준비된 프로필</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="101"/>
        <source>Choose</source>
        <translation>선택</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="113"/>
        <source>Password (at least 8 characters)</source>
        <translation>비밀번호 (8자 이상)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="114"/>
        <source>Repeat the password</source>
        <translation>비밀번호 다시 입력</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="122"/>
        <source>Create a wallet</source>
        <translation>지갑 만들기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="123"/>
        <source>Choose a password. It encrypts your key inside the keyring; you need it to send MLK. It cannot be recovered — your recovery phrase can.</source>
        <translation>비밀번호를 정하세요. 키링 안의 키를 암호화하며 MLK를 보낼 때 필요합니다. 비밀번호는 복구할 수 없지만 복구 문구로 지갑은 되찾을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="127"/>
        <source>Create</source>
        <translation>만들기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="131"/>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="142"/>
        <source>The two passwords differ.</source>
        <translation>두 비밀번호가 다릅니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="150"/>
        <source>Creating your key…</source>
        <translation>키를 만드는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="164"/>
        <source>Your recovery phrase</source>
        <translation>복구 문구</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="165"/>
        <source>Write these words on paper, in order, and keep them offline. Anyone with them owns your wallet; without them a lost computer means lost MLK. They are shown only now.</source>
        <translation>이 단어들을 순서대로 종이에 적어 오프라인에 보관하세요. 이 단어를 가진 사람은 누구나 지갑을 소유하게 되며, 잃어버리면 컴퓨터를 잃었을 때 MLK도 잃습니다. 지금 한 번만 보여 드립니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="172"/>
        <source>I have written them down</source>
        <translation>적어 두었습니다</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="177"/>
        <source>Confirm your phrase</source>
        <translation>복구 문구 확인</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="178"/>
        <source>Enter the words at these positions.</source>
        <translation>다음 위치의 단어를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="183"/>
        <source>Confirm</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="190"/>
        <source>Word {n}</source>
        <translation>{n}번째 단어</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="201"/>
        <source>One of the words does not match. Check your paper.</source>
        <translation>단어 하나가 맞지 않습니다. 적어 둔 종이를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="205"/>
        <source>Type or paste your 12 or 24-word recovery phrase, or a private key (64 hex digits).</source>
        <translation>12단어 또는 24단어 복구 문구나 개인 키(16진수 64자리)를 입력하거나 붙여 넣으세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="210"/>
        <source>Recovery phrase or private key</source>
        <translation>복구 문구 또는 개인 키</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="214"/>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="229"/>
        <source>Importing…</source>
        <translation>가져오는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="234"/>
        <source>Balances and history only. You can import the key later to send.</source>
        <translation>잔액과 내역만 볼 수 있습니다. 보내려면 나중에 키를 가져오면 됩니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="237"/>
        <source>Address to watch</source>
        <translation>조회할 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="240"/>
        <source>Watch</source>
        <translation>조회하기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="248"/>
        <source>Your wallet is ready</source>
        <translation>지갑이 준비되었습니다</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="252"/>
        <source>Open the wallet</source>
        <translation>지갑 열기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/first_run.py" line="260"/>
        <source>Address: {}</source>
        <translation>주소: {}</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="24"/>
        <source>TICA funding</source>
        <translation>TICA 자금 조성</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="25"/>
        <source>Reward</source>
        <translation>보상</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="26"/>
        <source>Partner sync</source>
        <translation>제휴사 동기화</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="27"/>
        <source>Points → MLK</source>
        <translation>포인트 → MLK</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="28"/>
        <source>MLK → points</source>
        <translation>MLK → 포인트</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="29"/>
        <source>Points → points</source>
        <translation>포인트 → 포인트</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="30"/>
        <source>Expired</source>
        <translation>소멸</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="31"/>
        <source>Withdrawal</source>
        <translation>출금</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="32"/>
        <source>Withdrawal settled</source>
        <translation>출금 완료</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="33"/>
        <source>Withdrawal returned</source>
        <translation>출금 반환</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="34"/>
        <source>Deposit</source>
        <translation>입금</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="35"/>
        <source>Sent on chain</source>
        <translation>온체인 송금</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="36"/>
        <source>Cancellation</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="37"/>
        <source>Gas</source>
        <translation>가스</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="55"/>
        <source>on chain</source>
        <translation>온체인</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="184"/>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="185"/>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="186"/>
        <source>Details</source>
        <translation>내용</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="187"/>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="219"/>
        <source>to {to} · {status}</source>
        <translation>받는 곳 {to} · {status}</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="229"/>
        <source>Demo welcome reward</source>
        <translation>데모 가입 보상</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="230"/>
        <source>TICA&apos;s point inventory</source>
        <translation>TICA 포인트 재고</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/history_model.py" line="233"/>
        <source>TICA&apos;s MLK pool</source>
        <translation>TICA MLK 유동성 풀</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../app/ui/pages/home.py" line="129"/>
        <source>Home</source>
        <translation>홈</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="130"/>
        <source>Total value</source>
        <translation>총 자산 가치</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="131"/>
        <source>Your points</source>
        <translation>내 포인트</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="132"/>
        <source>What you hold</source>
        <translation>자산 구성</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="133"/>
        <source>Expiring in the next 8 weeks</source>
        <translation>앞으로 8주 안에 소멸</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="134"/>
        <source>No partner is linked yet. Link Yanolja, Shinsegae Duty Free, Seoul Airport Limousine or Delicar to see all your points here.</source>
        <translation>아직 연결된 제휴사가 없습니다. 야놀자, 신세계면세점, 서울공항리무진, 딜카를 연결하면 모든 포인트를 여기에서 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="137"/>
        <source>Link a partner</source>
        <translation>제휴사 연결</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="138"/>
        <source>Convert now</source>
        <translation>지금 교환</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="139"/>
        <source>Points</source>
        <translation>포인트</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="139"/>
        <location filename="../../app/ui/pages/home.py" line="229"/>
        <source>MLK in the app</source>
        <translation>앱 내 MLK</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="140"/>
        <location filename="../../app/ui/pages/home.py" line="232"/>
        <source>MLK in your wallet</source>
        <translation>지갑의 MLK</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="172"/>
        <source>1 MLK = {price} · {source}</source>
        <translation>1 MLK = {price} · {source}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="174"/>
        <source>live price</source>
        <translation>실시간 시세</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="175"/>
        <source>fixed price</source>
        <translation>고정 시세</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="180"/>
        <source>{n} partners</source>
        <translation>제휴사 {n}곳</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="185"/>
        <source>No wallet yet</source>
        <translation>아직 지갑 없음</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="205"/>
        <source>{points} of {partner} expire on {day}. Convert them before they expire.</source>
        <translation>{partner} {points}가 {day}에 소멸됩니다. 소멸되기 전에 교환하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="210"/>
        <source>{n} more partners have points expiring within 30 days.</source>
        <translation>다른 제휴사 {n}곳의 포인트도 30일 안에 소멸됩니다.</translation>
    </message>
</context>
<context>
    <name>LinkPartnerDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="18"/>
        <source>Link {}</source>
        <translation>{} 연결</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="22"/>
        <source>Link your {} membership</source>
        <translation>{} 회원 연결</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="23"/>
        <source>Enter the member id shown in the partner&apos;s app. The partner sends you a code to prove it is yours.</source>
        <translation>제휴사 앱에 표시된 회원 ID를 입력하세요. 본인 확인을 위해 제휴사가 인증 코드를 보냅니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="27"/>
        <location filename="../../app/ui/dialogs/link_partner.py" line="28"/>
        <source>Member id</source>
        <translation>회원 ID</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="29"/>
        <source>Send code</source>
        <translation>코드 받기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="37"/>
        <location filename="../../app/ui/dialogs/link_partner.py" line="38"/>
        <source>Verification code</source>
        <translation>인증 코드</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="45"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="46"/>
        <source>Link</source>
        <translation>연결</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="63"/>
        <source>A code was sent to {}.</source>
        <translation>{}(으)로 코드를 보냈습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="65"/>
        <source>Demo: the code is {}.</source>
        <translation>데모: 코드는 {}입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="79"/>
        <source>Linked. {} moved into MiL.k.</source>
        <translation>연결되었습니다. {}가 MiL.k로 옮겨졌습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/link_partner.py" line="82"/>
        <source>Done</source>
        <translation>완료</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="110"/>
        <source>Go to {page}</source>
        <translation>{page} 열기</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="112"/>
        <source>Search activity</source>
        <translation>활동 검색</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="113"/>
        <source>Export activity as CSV</source>
        <translation>활동을 CSV로 내보내기</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="115"/>
        <source>Sync partners and refresh balances</source>
        <translation>제휴사 동기화 및 잔액 새로 고침</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="116"/>
        <source>Open settings</source>
        <translation>설정 열기</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="117"/>
        <location filename="../../app/ui/main_window.py" line="150"/>
        <source>Keyboard shortcuts</source>
        <translation>키보드 단축키</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="141"/>
        <source>MiL.k Wallet</source>
        <translation>MiL.k 지갑</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="141"/>
        <source>Demo</source>
        <translation>데모</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="143"/>
        <source>Home</source>
        <translation>홈</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="143"/>
        <source>Exchange</source>
        <translation>교환</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="143"/>
        <source>Wallet</source>
        <translation>지갑</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="144"/>
        <source>Activity</source>
        <translation>활동</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="144"/>
        <source>Partners</source>
        <translation>제휴사</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="145"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="147"/>
        <source>DEMO</source>
        <translation>데모</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="148"/>
        <source>Help</source>
        <translation>도움말</translation>
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
        <location filename="../../app/ui/dialogs/move_mlk.py" line="37"/>
        <source>Available: {}</source>
        <translation>사용 가능: {}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="40"/>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="41"/>
        <source>Wallet password</source>
        <translation>지갑 비밀번호</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="47"/>
        <source>Withdraw</source>
        <translation>출금</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="47"/>
        <source>Deposit</source>
        <translation>입금</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="48"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="63"/>
        <source>Working…</source>
        <translation>처리 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="76"/>
        <source>{amount}: {status}. Transaction {hash}</source>
        <translation>{amount}: {status}. 거래 {hash}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/move_mlk.py" line="80"/>
        <source>Done</source>
        <translation>완료</translation>
    </message>
</context>
<context>
    <name>PartnerCard</name>
    <message>
        <location filename="../../app/ui/pages/home.py" line="31"/>
        <source>Press Enter to convert these points</source>
        <translation>Enter 키를 누르면 이 포인트를 교환합니다</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="34"/>
        <source>not linked</source>
        <translation>미연결</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="40"/>
        <source>{} now</source>
        <translation>현재 {}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="44"/>
        <source>{points} expire by {day}</source>
        <translation>{day}까지 {points} 소멸</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/home.py" line="48"/>
        <source>Nothing expires within 30 days</source>
        <translation>30일 안에 소멸되는 포인트 없음</translation>
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
        <location filename="../../app/ui/dialogs/password.py" line="23"/>
        <location filename="../../app/ui/dialogs/password.py" line="24"/>
        <source>Wallet password</source>
        <translation>지갑 비밀번호</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/password.py" line="28"/>
        <source>Continue</source>
        <translation>계속</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/password.py" line="30"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="39"/>
        <source>Send MLK</source>
        <translation>MLK 보내기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="49"/>
        <source>Send or cash out MLK</source>
        <translation>MLK 보내기 · 현금화</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="53"/>
        <source>Choose a saved destination — exchange deposit addresses come first — or paste an address.</source>
        <translation>저장된 받는 곳(거래소 입금 주소가 먼저 표시됩니다)을 고르거나 주소를 붙여 넣으세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="73"/>
        <source>Max</source>
        <translation>최대</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="77"/>
        <source>Review</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="84"/>
        <source>Check before you send</source>
        <translation>보내기 전에 확인하세요</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="91"/>
        <location filename="../../app/ui/dialogs/send.py" line="92"/>
        <source>Wallet password</source>
        <translation>지갑 비밀번호</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="97"/>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="98"/>
        <source>Sign and send</source>
        <translation>서명하고 보내기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="113"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="150"/>
        <source>Checking…</source>
        <translation>확인 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="69"/>
        <location filename="../../app/ui/dialogs/send.py" line="170"/>
        <source>To</source>
        <translation>받는 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="171"/>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="173"/>
        <source>Network fee (at most)</source>
        <translation>네트워크 수수료 (최대)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="174"/>
        <source>{} gas coin</source>
        <translation>가스 코인 {}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="179"/>
        <source>Cash-out value on {}</source>
        <translation>{} 현금화 예상 금액</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="181"/>
        <source>Value</source>
        <translation>가치</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="190"/>
        <source>I understand: {}</source>
        <translation>확인했습니다: {}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="202"/>
        <source>Tick every warning to confirm you have read it.</source>
        <translation>모든 경고에 체크해 읽었음을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="206"/>
        <source>Signing…</source>
        <translation>서명 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="238"/>
        <source>Sent {amount} — confirmed.</source>
        <translation>{amount} 전송 완료 — 확인되었습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="243"/>
        <source>Waiting for the network to confirm…</source>
        <translation>네트워크 확인을 기다리는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="245"/>
        <source>The transaction did not go through.</source>
        <translation>거래가 처리되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="249"/>
        <source>Status: {status}
Transaction: {hash}</source>
        <translation>상태: {status}
거래: {hash}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="257"/>
        <source>this is the MLK token contract; MLK sent to it is lost.</source>
        <translation>MLK 토큰 컨트랙트 주소입니다. 여기로 보낸 MLK는 잃게 됩니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="260"/>
        <source>this address is a smart contract, not a personal wallet.</source>
        <translation>개인 지갑이 아닌 스마트 컨트랙트 주소입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="263"/>
        <source>this is your own address.</source>
        <translation>내 지갑 주소입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="264"/>
        <source>this address looks like one you used before but is different — a common scam. Compare every character.</source>
        <translation>전에 사용한 주소와 비슷하지만 다른 주소입니다. 흔한 사기 수법이니 모든 글자를 비교하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/send.py" line="269"/>
        <source>you have never sent to this address. Consider a small test amount first.</source>
        <translation>처음 보내는 주소입니다. 먼저 소액으로 시험해 보세요.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="152"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="153"/>
        <source>Appearance</source>
        <translation>화면</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="154"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="155"/>
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="161"/>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="162"/>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="165"/>
        <source>MLK price</source>
        <translation>MLK 시세</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="166"/>
        <source>KRW per MLK, e.g. 200</source>
        <translation>MLK당 원화, 예: 200</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="167"/>
        <source>MLK price in KRW</source>
        <translation>MLK 시세(원)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="168"/>
        <source>Upbit API address</source>
        <translation>업비트 API 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="169"/>
        <source>Use this price</source>
        <translation>이 시세 사용</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="171"/>
        <source>Use Upbit</source>
        <translation>업비트 시세 사용</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="172"/>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="173"/>
        <source>RPC URL</source>
        <translation>RPC URL</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="174"/>
        <source>Chain id</source>
        <translation>체인 ID</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="175"/>
        <source>MLK token</source>
        <translation>MLK 토큰</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="176"/>
        <source>TICA treasury</source>
        <translation>TICA 금고</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="178"/>
        <source>Use this node</source>
        <translation>이 노드 사용</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="179"/>
        <source>Use the demo chain</source>
        <translation>데모 체인 사용</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="180"/>
        <source>Security</source>
        <translation>보안</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="181"/>
        <source>Change password</source>
        <translation>비밀번호 변경</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="182"/>
        <location filename="../../app/ui/pages/settings.py" line="295"/>
        <location filename="../../app/ui/pages/settings.py" line="299"/>
        <source>Export keystore</source>
        <translation>키스토어 내보내기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="183"/>
        <location filename="../../app/ui/pages/settings.py" line="323"/>
        <source>Show recovery phrase</source>
        <translation>복구 문구 보기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="184"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="185"/>
        <source>Verify ledger</source>
        <translation>원장 검증</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="186"/>
        <source>Back up</source>
        <translation>백업</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="187"/>
        <location filename="../../app/ui/pages/settings.py" line="378"/>
        <source>Restore</source>
        <translation>복원</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="188"/>
        <location filename="../../app/ui/pages/settings.py" line="389"/>
        <location filename="../../app/ui/pages/settings.py" line="391"/>
        <source>Reset demo</source>
        <translation>데모 초기화</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="202"/>
        <source>Upbit</source>
        <translation>업비트</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="202"/>
        <source>fixed price</source>
        <translation>고정 시세</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="203"/>
        <source>1 MLK = {price} · {source} · {age} min old · fresh</source>
        <translation>1 MLK = {price} · {source} · {age}분 전 · 최신</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="212"/>
        <source>Now: {kind} · chain id {chain} · block {block}
MLK token {token}</source>
        <translation>현재: {kind} · 체인 ID {chain} · 블록 {block}
MLK 토큰 {token}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="213"/>
        <source>demo chain</source>
        <translation>데모 체인</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="218"/>
        <source>Keyring in use: {name} ({verdict})</source>
        <translation>사용 중인 키링: {name} ({verdict})</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="219"/>
        <source>secure</source>
        <translation>안전함</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="220"/>
        <source>not usable: it would keep secrets in a file or nowhere. Install and unlock GNOME Keyring or KWallet to create a wallet</source>
        <translation>사용 불가: 비밀을 파일에 두거나 아예 보관하지 못합니다. 지갑을 만들려면 GNOME 키링이나 KWallet을 설치하고 잠금을 해제하세요</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="225"/>
        <source>Profile: {dir}</source>
        <translation>프로필: {dir}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="264"/>
        <source>A chain id is a whole number.</source>
        <translation>체인 ID는 정수입니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="266"/>
        <source>Checking the node…</source>
        <translation>노드를 확인하는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="292"/>
        <source>Current password</source>
        <translation>현재 비밀번호</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="384"/>
        <source>Restored from {path}. The ledger it replaced is kept as {kept}.</source>
        <translation>{path}에서 복원했습니다. 교체된 원장은 {kept}(으)로 보관했습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="289"/>
        <source>New password</source>
        <translation>새 비밀번호</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="290"/>
        <source>At least 8 characters.</source>
        <translation>8자 이상</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="285"/>
        <source>Password changed.</source>
        <translation>비밀번호를 변경했습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="300"/>
        <source>The keystore file is encrypted with your password. Keep it as a backup.</source>
        <translation>키스토어 파일은 비밀번호로 암호화되어 있습니다. 백업으로 보관하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="314"/>
        <source>Keystore saved to {}</source>
        <translation>키스토어를 {}에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="324"/>
        <source>Make sure nobody can see your screen.</source>
        <translation>다른 사람이 화면을 볼 수 없는지 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="328"/>
        <source>Recovery phrase</source>
        <translation>복구 문구</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="330"/>
        <source>Anyone with these words owns your wallet.</source>
        <translation>이 단어를 가진 사람은 누구나 지갑을 소유합니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="337"/>
        <source>Verifying…</source>
        <translation>검증 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="345"/>
        <source>Ledger verified: {n} entries, every hash and balance checks out. Head #{seq} {hash}</source>
        <translation>원장 검증 완료: {n}개 항목의 해시와 잔액이 모두 맞습니다. 최신 #{seq} {hash}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="351"/>
        <source>The ledger has been altered: {n} problem(s), first at entry #{seq}.</source>
        <translation>원장이 변조되었습니다: 문제 {n}건, 첫 문제는 항목 #{seq}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="356"/>
        <source>Back up the ledger</source>
        <translation>원장 백업</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="364"/>
        <source>Backed up {n} entries to {path}</source>
        <translation>{n}개 항목을 {path}에 백업했습니다</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="369"/>
        <location filename="../../app/ui/pages/settings.py" line="375"/>
        <source>Restore the ledger</source>
        <translation>원장 복원</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="376"/>
        <source>Replace the ledger with the backup {name}? Entries made after that backup will no longer be shown; the current ledger is kept as a copy in the profile.</source>
        <translation>원장을 백업 {name}(으)로 바꿀까요? 그 백업 이후의 내역은 더 이상 표시되지 않으며, 지금 원장은 프로필에 사본으로 보관됩니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="382"/>
        <source>Checking the backup…</source>
        <translation>백업을 확인하는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="390"/>
        <source>Start the demo again from the beginning? Everything done in it so far is cleared.</source>
        <translation>데모를 처음부터 다시 시작할까요? 지금까지 데모에서 한 모든 내용이 지워집니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="394"/>
        <source>Resetting the demo…</source>
        <translation>데모를 초기화하는 중…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings.py" line="395"/>
        <source>Demo reset.</source>
        <translation>데모를 초기화했습니다.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/shortcuts.py" line="14"/>
        <source>Keyboard shortcuts</source>
        <translation>키보드 단축키</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/shortcuts.py" line="28"/>
        <source>Tab and Shift+Tab move between controls; Enter runs the main action of a form or dialog; Esc closes a dialog.</source>
        <translation>Tab과 Shift+Tab으로 항목 사이를 옮겨 다니고, Enter로 입력 양식이나 대화 상자의 주된 동작을 실행하며, Esc로 대화 상자를 닫습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/shortcuts.py" line="33"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>WalletModels</name>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="15"/>
        <source>signed</source>
        <translation>서명됨</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="16"/>
        <source>pending</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="17"/>
        <source>confirmed</source>
        <translation>확인됨</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="18"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="19"/>
        <source>dropped</source>
        <translation>누락됨</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="20"/>
        <source>replaced</source>
        <translation>대체됨</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="25"/>
        <source>1 confirmation</source>
        <translation>1회 확인</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="26"/>
        <source>{n} confirmations</source>
        <translation>{n}회 확인</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="32"/>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="33"/>
        <source>Withdrawal</source>
        <translation>출금</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="34"/>
        <source>Deposit</source>
        <translation>입금</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="35"/>
        <source>Cancel</source>
        <translation>취소 거래</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="36"/>
        <source>Gas</source>
        <translation>가스</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="97"/>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="98"/>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="99"/>
        <source>To</source>
        <translation>받는 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="100"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="101"/>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="123"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="124"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="125"/>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="130"/>
        <source>My wallet</source>
        <translation>내 지갑</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="133"/>
        <source>Own</source>
        <translation>내 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="134"/>
        <source>Exchange deposit</source>
        <translation>거래소 입금</translation>
    </message>
    <message>
        <location filename="../../app/ui/models/wallet_models.py" line="135"/>
        <source>Other</source>
        <translation>기타</translation>
    </message>
</context>
<context>
    <name>WalletPage</name>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="161"/>
        <source>Wallet</source>
        <translation>지갑</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="162"/>
        <source>Set up your MLK wallet</source>
        <translation>MLK 지갑 설정</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="164"/>
        <source>Your key is kept in this computer&apos;s keyring, encrypted with your password — never in a file. Create a new wallet, import one from its recovery phrase or private key, or just watch an address.</source>
        <translation>키는 파일이 아닌 이 컴퓨터의 키링에 비밀번호로 암호화되어 보관됩니다. 새 지갑을 만들거나, 복구 문구·개인 키로 가져오거나, 주소만 조회할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="167"/>
        <source>Create a wallet</source>
        <translation>지갑 만들기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="168"/>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="169"/>
        <source>Watch an address</source>
        <translation>주소 조회만 하기</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="170"/>
        <source>Your address</source>
        <translation>내 주소</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="171"/>
        <source>Copy address</source>
        <translation>주소 복사</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="172"/>
        <source>Balances</source>
        <translation>잔액</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="174"/>
        <source>MLK in your wallet</source>
        <translation>지갑의 MLK</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="174"/>
        <source>MLK in the app</source>
        <translation>앱 내 MLK</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="175"/>
        <source>On the way</source>
        <translation>처리 중</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="175"/>
        <source>Gas coin</source>
        <translation>가스 코인</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="177"/>
        <source>Send / Cash out</source>
        <translation>보내기 / 현금화</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="178"/>
        <source>Withdraw from the app</source>
        <translation>앱에서 출금</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="179"/>
        <source>Deposit to the app</source>
        <translation>앱으로 입금</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="180"/>
        <source>Transactions</source>
        <translation>거래 내역</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="181"/>
        <source>Speed up</source>
        <translation>가속</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="182"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="183"/>
        <source>Address book</source>
        <translation>주소록</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="184"/>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="185"/>
        <source>Edit</source>
        <translation>수정</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="186"/>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="207"/>
        <source>Watch-only: this app can show balances but cannot sign.</source>
        <translation>조회 전용: 잔액은 볼 수 있지만 서명할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="208"/>
        <source>Key kept in: {}</source>
        <translation>키 보관 위치: {}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="215"/>
        <source>Network: {net} · block {block}</source>
        <translation>네트워크: {net} · 블록 {block}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="216"/>
        <source>demo chain</source>
        <translation>데모 체인</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="244"/>
        <source>Copied</source>
        <translation>복사됨</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="259"/>
        <source>Speed up transaction #{}</source>
        <translation>거래 #{} 가속</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="260"/>
        <source>Cancel transaction #{}</source>
        <translation>거래 #{} 취소</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/wallet.py" line="267"/>
        <source>A replacement with the same nonce and higher fees is signed and sent.</source>
        <translation>같은 논스에 더 높은 수수료로 대체 거래를 서명해 보냅니다.</translation>
    </message>
</context>
</TS>
