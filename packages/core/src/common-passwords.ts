// The passwords attackers try first (from public breach-frequency lists), lower case. A password
// equal to one, or one with digits or symbols stuck on either end, is refused.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `
  000000 1111 111111 11111111 111111111111 112233 121212 123123 123123123123 123321 1234 12345 123456
  123456123456 1234567 12345678 123456789 1234567890 123qwe 131313 159753 1q2w3e4r 1q2w3e4r5t
  1q2w3e4r5t6y 1qaz2wsx 2000 555555 654321 666666 696969 777777 7777777 987654321 aaaaaa abc123
  abcabcabcabc abcd1234 access admin admin123 administrator amanda andrew apple april asdf1234 asdfgh
  ashley august austin autumn baseball baseball123 batman biteme buster changeme charlie cheese
  chelsea company computer correcthorsebatterystaple dallas daniel december default dragon dragon123
  february football football123 freedom friday george ginger google guest harley hello hello123
  hockey hubspot hunter iloveyou iloveyou123 iloveyouiloveyou internet january jennifer jessica
  jordan joshua july june killer klaster letmein letmein123 letmeinletmein login love maggie march
  master matrix matthew may michael michelle minecraft monday monkey monkey123 mustang nicole
  november oars october p@ssw0rd p@ssword pass passw0rd password password1 password123
  passwordpassword pepper pipedrive princess princess123 qazwsx qwe123 qwerty qwerty123 qwertyqwerty
  qwertyuiop qwertyuiop123 ranger robert root sales salesforce samsung secret september shadow soccer
  spring starwars starwars123 summer sunshine sunshine123 superman superman123 taylor test test123
  thomas thunder tigger trustno1 welcome welcome1 whatever winter yankees zaq12wsx zxcvbn zxcvbnm
`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
