/**
 * The 2,000 most frequent words of the real corpus (titles and excerpts of
 * ../shared/corpus/coronavirus-2020/raw/), each with its count, as `word:count` pairs. Text drawn
 * from these frequencies compresses about like real headlines, which matters for the gzip budgets.
 * Single words only: no sentence of the source is reproduced.
 */
export const WORD_COUNTS = `
the:19778 to:11837 of:9806 in:8559 coronavirus:7392 and:6352 a:6107 COVID-19:5426 for:4640 on:4163
new:3325 cases:3092 as:2649 is:2374 at:2165 from:2098 that:2071 with:2061 has:2040 Health:1864
pandemic:1860 have:1815 more:1774 are:1737 state:1666 by:1584 deaths:1566 will:1403 said:1275
be:1215 after:1150 reported:1120 May:1118 an:1096 it:1068 Thursday:1006 Friday:1000 positive:989
was:970 its:962 people:953 this:940 total:920 County:879 officials:836 than:831 Department:771
been:761 one:729 reopen:715 but:712 who:706 death:693 their:692 reports:688 says:687 first:685
out:684 during:682 over:650 reopening:642 President:637 Gov:627 two:626 were:614 virus:610 Trump:609
confirmed:609 due:605 not:603 up:602 announced:601 news:600 about:594 North:567 tested:563 some:562
South:560 Saturday:559 outbreak:537 number:537 restrictions:536 all:525 testing:523 now:515
latest:512 test:509 Canada:504 they:496 Carolina:493 businesses:486 no:474 his:467 according:466
Wednesday:458 Market:457 can:454 week:453 public:453 day:452 there:450 how:446 or:443 died:437
amid:427 House:422 million:421 updates:414 workers:413 had:402 China:402 Singapore:400 spread:392
bringing:386 City:384 most:380 case:377 report:375 California:371 toll:369 could:368 time:364
since:363 three:362 additional:362 home:361 Texas:355 employees:354 government:350 other:347 he:347
world:347 what:345 nearly:343 because:343 would:341 we:338 update:338 down:334 which:332 economy:331
across:328 States:328 plant:326 April:323 Governor:321 next:318 while:317 residents:314 when:314
back:314 plan:314 tests:313 also:312 data:309 White:309 care:308 response:306 help:306 US:304
last:301 being:301 say:300 Oregon:298 travel:295 social:291 Iowa:290 company:290 year:288
lockdown:284 weeks:283 you:283 Hawaii:282 school:278 national:273 federal:272 live:272 crisis:271
global:269 impact:268 least:267 novel:267 daily:262 restaurants:261 vaccine:261 phase:261 her:259
order:256 March:256 another:254 Mississippi:254 month:253 Shanghai:253 York:251 business:251
into:248 economic:248 Dakota:247 open:246 stock:244 force:243 get:242 Virginia:241 around:239
staff:238 Ohio:237 increase:235 Services:235 infections:234 drug:232 Indiana:230 Nova:230
against:227 country:226 June:225 despite:224 our:223 closed:223 rise:222 Minnesota:222 patients:221
if:221 early:220 days:220 reporting:219 Wisconsin:218 state's:217 local:212 released:211 nursing:211
statewide:211 state’s:211 many:210 unemployment:210 months:208 distancing:208 even:207 Scotia:207
just:206 top:205 Pennsylvania:204 still:203 numbers:203 safety:203 task:203 schools:202 through:201
Oklahoma:201 canceled:201 treatment:199 so:198 today:198 under:197 continue:197 taking:196 work:196
event:196 medical:194 plans:194 Observer:193 area:192 Donald:190 including:189 United:189
Louisiana:187 Tennessee:187 Arkansas:187 orders:186 like:186 them:184 disease:184 set:183 Mike:183
homes:181 masks:181 meat:179 summer:178 second:177 Monday:176 among:175 Minister:173 lawmakers:172
only:172 Australia:171 measures:171 Hong:171 those:170 counties:170 start:168 begin:167 need:166
Tickets:166 man:165 community:165 rules:164 food:163 before:163 Reno:163 emergency:163 rate:163
Disneyland:163 Tuesday:162 she:161 end:161 take:160 billion:157 jobs:157 province:156 morning:156
every:155 aid:155 authorities:155 University:155 study:155 I:154 high:154 Ministry:154 Utah:151
following:151 fight:151 Olympics:151 police:150 parks:150 your:149 Rodeo:149 industry:148 made:148
should:148 claims:148 Alberta:147 Democrats:146 Gilead:146 Dr:145 Washington:145 press:145
Florida:145 linked:144 ease:143 Research:143 Ontario:143 major:142 allowed:142 see:141 support:141
far:141 group:140 Court:140 show:140 owner:140 know:139 service:139 Central:139 Kong:139 Quebec:139
Alaska:138 part:137 do:137 keep:137 San:137 park:137 Missouri:137 sports:136 stay-at-home:136
six:136 Asian:136 London:135 salon:135 remdesivir:135 relief:134 personal:134 infected:133
return:133 board:133 where:133 Tokyo:133 Kansas:132 Moderna:131 Analysis:131 Idaho:130 hospital:129
hit:129 four:128 years:128 call:127 related:127 season:127 Pence:127 tourists:127 release:126
online:126 efforts:126 scheduled:126 close:126 told:126 long-term:125 increased:125 Mayor:125
hours:125 facilities:124 Raleigh:124 place:124 use:124 Korea:124 working:123 members:123 past:123
higher:123 Chinese:122 it’s:122 budget:122 official:121 face:121 recovery:121 until:121
quarantine:121 UK:121 administration:121 make:120 concerns:120 Center:120 bars:120 children:119
system:119 Americans:119 letter:118 leaders:118 Trump's:118 seven:117 chief:117 Kentucky:117 Why:116
it's:116 off:116 much:115 five:115 Vice:115 caused:114 expected:114 found:114 times:114 free:114
salons:114 Asia:113 companies:113 arrested:113 illness:112 continues:112 Games:112 going:112
Miss:112 inmates:111 Post:111 Montana:111 trial:110 students:110 again:110 Europe:109 hold:109
small:108 rose:108 come:108 program:107 shows:107 fall:107 Inc:107 events:107 contact:106 jail:106
risk:106 began:106 ahead:105 big:105 here:105 demand:105 potential:105 focus:105 rogue:105
Northwood:105 record:104 financial:104 these:104 lost:104 allow:103 near:102 officer:102 July:102
way:102 India:102 remain:101 possible:101 shutdown:101 Premier:101 fake:101 long:101 capacity:101
executive:100 several:100 starting:100 International:100 conference:100 recent:99 announces:99
die:99 quarter:99 soon:99 sold:99 guidelines:99 hackers:99 Secretary:98 coming:98 Mexico:98
likely:98 sees:98 gatherings:98 making:97 Watch:97 provide:97 Seattle:97 recently:97 trade:97
move:96 easing:96 between:96 Japan:96 experts:95 results:95 St:95 Forecast:95 Beach:95 both:94
stay:94 count:94 employee:94 American:94 look:94 thousands:94 Human:93 reopened:93 Australian:93
step:92 any:92 along:92 control:92 Dallas:92 Trump’s:92 Air:91 shut:91 result:91 countries:91 ago:90
Former:90 Authority:90 Germany:90 capital:90 dining:90 ready:89 Brunswick:89 prevent:89 stocks:89
curb:89 facility:89 symptoms:89 Reuters:89 woman:88 hundreds:88 started:88 resume:88 slow:88
effort:88 Check:88 Beijing:88 Iran:88 Massachusetts:87 drop:87 calls:87 investors:87 targeted:87
Wyoming:87 information:86 stores:86 briefing:86 nine:86 tax:86 track:86 infection:86 Colorado:86
Obama:86 percent:85 bill:85 lawsuit:85 country's:85 large:85 highest:85 ensure:85 hospitals:84
West:84 media:84 shares:84 beaches:84 valet:84 revenue:83 lives:83 negative:83 gyms:83 postponed:82
pay:81 sent:81 recovered:81 available:81 Committee:81 story:81 tally:81 AP:81 town:81 good:80
killed:80 Michigan:80 go:80 life:80 using:80 team:79 want:79 earlier:79 such:79 comes:79 sell:79
job:79 America:79 member:79 century-old:79 access:78 doctors:78 already:78 announce:78 dies:78
senior:77 Newsom:77 Sciences:77 pushing:77 short:77 normal:77 office:77 ever:77 water:77 must:76
figures:76 deal:76 enough:76 weekend:76 futures:76 Sweden:76 per:75 video:75 stop:75 changes:75
few:75 Growth:75 supply:75 different:74 full:74 provincial:74 led:74 strict:74 put:73 sales:73
losses:73 throughout:73 region:73 share:73 safe:73 COVID:73 outbreaks:72 Prime:72 judge:72
District:72 football:72 Republican:72 filed:72 reopens:72 necessary:72 processing:71 Hampshire:71
without:71 oil:71 John:71 majority:71 earnings:71 afternoon:71 nation:71 key:71 Senate:71 family:71
Olympic:71 money:71 Charlotte:71 wave:71 researchers:71 opening:71 Organization:71 Dow:71
cancellation:71 bring:70 half:70 foreign:70 living:70 questions:69 Nebraska:69 store:69 education:69
whether:69 outside:69 election:69 currently:69 forced:69 Manitoba:69 brings:69 Maine:69 meeting:68
healthcare:68 worst:68 agency:68 hotel:68 discuss:68 prison:67 Guard:67 director:67 eight:67
become:67 Tom:67 further:67 might:67 jobless:67 cruise:67 raising:66 reached:66 mask:66 gives:66
handling:66 race:66 forces:66 decision:66 approval:66 annual:66 Spain:66 military:66 sign:66
drugmaker:66 recorded:65 effects:65 Supreme:65 planning:65 canceling:65 each:65 virtual:65
continued:65 Francisco:65 Security:65 issued:65 approved:64 almost:64 added:64 rural:64 came:64
play:64 person:64 War:64 western:64 package:64 violating:64 address:64 late:64 give:63 Statistics:63
held:63 find:63 legislature:63 looking:63 special:63 beef:63 Council:63 became:63 disaster:63
behind:62 patient:62 keeping:62 Gavin:62 requirements:62 yet:62 getting:62 others:62 wearing:62
players:61 in-person:61 seen:61 ongoing:61 hospitalized:61 left:61 DeWine:61 closures:61 less:61
Italy:61 Saskatchewan:61 markets:61 competition:61 severe:60 hope:60 right:60 college:60 showed:60
well:60 did:60 extended:60 together:60 production:60 largest:60 known:60 try:60 pools:60
legislative:60 directors:60 same:59 customers:59 Read:59 announcement:59 northern:59 critical:59
providing:59 Disney:59 Bank:59 shops:59 received:59 families:59 ship:59 away:58 affected:58
clinical:58 taken:58 development:58 CEO:58 battle:58 real:58 took:58 biggest:58 British:58 Kim:58
FDA:58 European:58 points:58 great:58 Greg:58 fell:58 chaotic:58 cuts:57 operations:57 tourism:57
Democratic:57 based:57 Roy:57 dozens:57 protect:57 falling:57 ban:57 too:57 date:57 reach:57 list:57
change:57 active:57 especially:57 indefinitely:57 black:57 Connecticut:56 gas:56 primary:56
though:56 remains:56 trials:56 cancelled:56 cost:56 rising:56 survey:56 gets:56 Craig:56 Abbott:56
meet:56 Reeves:56 factory:56 prepares:55 asked:55 better:55 spike:55 Association:55 within:55
saying:55 problems:55 governments:55 treat:55 updated:55 Wolf:55 got:55 Illinois:55 private:55
steps:55 Valley:55 law:55 Labor:55 Tesla:55 beginning:54 worker:54 offers:54 church:54 growing:54
cattle:54 surge:54 Here's:54 later:53 participants:53 warns:53 used:53 restaurant:53 millions:53
won't:53 Act:53 receive:53 Vancouver:53 very:53 published:53 called:52 able:52 general:52 combat:52
provides:52 shopping:52 Canada's:52 fund:52 current:52 political:52 Tate:52 Bryce:52 hard:51 shot:51
rates:51 room:51 Australia's:51 identified:51 complications:51 series:51 session:51 shift:51
communities:51 process:51 Bay:51 once:51 Posted:51 jailed:51 Nasdaq:51 limits:51 worldwide:51
enforcement:51 robot:51 stories:50 visit:50 power:50 Street:50 profit:50 allowing:50 delay:50
deadly:50 diagnosed:50 doing:50 owners:50 push:50 cash:49 guidance:49 mark:49 future:49 digital:49
went:49 noon:49 Republicans:49 expand:49 GOP:49 Sioux:49 threat:49 Hutchinson:49 mail-in:49
Downie:49 management:48 sites:48 funding:48 lead:48 best:48 brought:48 done:48 hair:48 loss:48
contain:48 Institute:48 takes:48 causes:48 parts:48 reportedly:48 southern:48 Louis:48 fears:48
Disneyland's:48 forward:47 website:47 areas:47 nurses:47 France:47 cancel:47 Falls:47 nurse:47
price:47 facing:47 temporarily:47 him:47 green:47 everyone:47 details:47 strategy:47 campaign:47
China's:47 barbershops:47 Maryland:47 tries:47 women:46 night:46 given:46 trying:46 things:46
issues:46 never:46 vaccines:46 treatments:46 limited:46 child:46 target:46 threatens:46 works:46
game:46 head:45 spending:45 border:45 offer:45 kids:45 couple:45 attention:45 moves:45 cut:45 own:45
photos:45 talks:45 preparing:45 cities:45 January:45 fatalities:45 involved:45 line:45 average:45
light:44 unit:44 Status:44 warned:44 delayed:44 level:44 Canada’s:44 period:44 spend:44 airport:44
minutes:44 waiting:44 domestic:44 road:44 housing:44 saw:44 legal:44 packing:44 Here’s:44
nightclubs:44 conditions:43 loans:43 occurred:43 expects:43 antibodies:43 technology:43 retail:43
my:43 Cuomo:43 bad:43 action:43 CDC:43 experimental:43 We’re:43 lift:43 Stephen:43 kits:43 doors:43
homeless:43 LA:43 fans:43 phone:43 pressure:43 starts:43 worse:43 Pacific:43 N95:43 leave:43
mandatory:43 Asa:43 send:42 Foods:42 app:42 inside:42 voters:42 generally:42 Regional:42 Halifax:42
timeline:42 benefits:42 created:42 Jersey:42 tracing:42 needed:42 coverage:42 strong:42 centers:42
rooms:42 outlook:42 vast:42 returning:42 greatest:42 wants:42 decline:42 nail:42 Trudeau:42
Coates:42 experience:41 lines:41 hopes:41 Foundation:41 class:41 include:41 nationwide:41 MOH:41
buy:41 lockdowns:41 ways:41 millionth:41 statement:41 source:41 Festival:41 migrant:41 hotels:41
league:41 year's:41 email:41 older:41 eased:41 payments:41 Arizona:41 Indian:41 county’s:41
recoveries:41 cracking:41 Harper:41 sources:41 blood:40 learning:40 calling:40 confirms:40 wear:40
reaches:40 debt:40 fallout:40 dollars:40 seniors:40 graduation:40 Cass:40 includes:40 leader:40
immediately:40 provided:40 prices:40 lower:40 claimed:40 previous:40 offered:40 theme:40 Chicago:40
Shelley:40 Lake:40 means:40 baseball:40 joint:40 tensions:40 Memorial:40 detailed:40 Pence's:40
cause:39 inmate:39 complete:39 opened:39 Sunday:39 U:39 Scott:39 pass:39 protective:39 economies:39
looks:39 Columbia:39 leading:39 offering:39 November:39 lifting:39 Size:39 policy:39 signs:39
accounts:39 defends:39 farmers:39 Calgary:39 McDonald's:39 immigrant:39 that’s:38 does:38
struggling:38 grocery:38 site:38 begins:38 front:38 presidential:38 gains:38 expect:38
devastating:38 cluster:38 impacted:38 approach:38 receiving:38 history:38 de:38 needs:38 citizens:38
science:38 aide:38 River:38 estate:38 Beshear:38 remove:38 absolute:38 records:37 seek:37 rapid:37
quickly:37 However:37 longer:37 Singapore's:37 contract:37 Los:37 don’t:37 named:37 fresh:37
little:37 dozen:37 below:37 follow:37 Products:37 Robert:37 distribution:37 jump:37 epidemic:37
club:37 fewer:37 visiting:37 levels:37 larger:37 ballots:37 body:36 Andrew:36 Doug:36 rises:36
aimed:36 Resources:36 drugs:36 makes:36 Spot:36 that's:36 flouting:36 don't:36 develop:36
suspended:36 Energy:36 imposed:36 Montreal:36 Union:36 worked:36 grant:36 hall:36 investment:36
third:36 impacts:36 restart:36 boost:36 associated:36 firm:36 sick:36 custody:36 spreading:36
unprecedented:36 pork:35 plants:35 seeking:35 newly:35 Island:35 let:35 hits:35 resident:35
Centre:35 scientists:35 showing:35 trends:35 having:35 concern:35 talk:35 Orange:35 extends:35
web:35 create:35 running:35 warning:35 course:35 Kings:35 bar:35 above:35 initial:35 music:35
Angeles:35 Luther:35 groups:35 eases:35 remained:35 main:35 run:35 halt:35 registered:35
uncertainty:35 surpasses:35 detainee:35 valets:35 Boston:35 Iran-linked:35 rodeo's:35 attack:34
helping:34 rest:34 officers:34 loan:34 first-quarter:34 evidence:34 party:34 evening:34
challenges:34 dead:34 think:34 funds:34 Eastern:34 tracking:34 ordered:34 totals:34 risks:34 fear:34
important:34 slowly:34 consumers:34 II:34 vote:34 Biden:34 revealed:34 situation:34 thanks:34
moved:34 reduced:34 cybersecurity:34 existing:34 everything:34 Airlines:34 moderate:34 mid-March:34
ICE:34 MLB:34 false:34 Canadian:34 immigration:34 Miller:34 syndrome:33 giving:33 essential:33
low:33 East:33 signed:33 mass:33 passed:33 equipment:33 basketball:33 decided:33 Thailand:33
presumptive:33 checkpoints:33 stands:33 deficit:33 significant:33 car:33 difficult:33 anniversary:33
llama:33 putting:33 Reynolds:33 hot:33 tribes:33 Wall:33 banned:33 biotech:33 shooting:33
watercraft:33 riding:33 concert:33 continuing:32 criticism:32 era:32 heart:32 adds:32 returns:32
planned:32 serving:32 PM:32 upcoming:32 file:32 shortly:32 really:32 delivered:32 men:32 reduce:32
massive:32 success:32 banks:32 Russia:32 debate:32 avoid:32 didn't:32 tour:32 Joe:32 supplies:32
Walz:32 agreement:32 grow:32 antibody:32 killing:32 EU:32 voter:32 NBC:31 tops:31 operating:31
closing:31 respiratory:31 student:31 visitors:31 Property:31 weekly:31 collections:31 cancels:31
moving:31 problem:31 blog:31 click:31 sector:31 lack:31 UN:31 whose:31 grants:31 attempt:31
changed:31 welcome:31 jumped:31 triple:31 nears:31 host:31 mild:31 adults:31 bus:31 Society:31
Greyhound:31 Musk:31 books:31 connected:30 spring:30 parents:30 mall:30 asking:30 then:30 project:30
won’t:30 providers:30 governor's:30 consider:30 meals:30 distance:30 releases:30 role:30 Pompeo:30
Korean:30 challenge:30 rare:30 violence:30 defied:30 empty:30 Round:30 exports:30 launches:30
faces:30 dormitories:30 age:30 opens:30 faced:30 meatpacking:30 probable:30 citing:30 regions:30
dog:30 popular:29 Grand:29 population:29 Middle:29 Army:29 model:29 criticized:29 me:29 fighting:29
permanent:29 pushed:29 certain:29 multiple:29 organizations:29 slightly:29 although:29 discusses:29
amount:29 country’s:29 closure:29 PORTLAND:29 assistance:29 page:29 dine-in:29 Wuhan:29 curbs:29
programs:29 infectious:29 ended:29 phased:29 headlines:29 seriously:29 stimulus:29 detention:29
manager:29 lot:29 toward:29 Mills:29 joined:29 inflammatory:29 Kenney:29 dates:29 Smith:29
arriving:29 loosens:29 Barack:29 shock:28 Correctional:28 re-open:28 overall:28 reveals:28
Commission:28 ballot:28 convention:28 Rep:28 wife:28 firms:28 considering:28 lowest:28 compared:28
code:28 December:28 armed:28 sending:28 factors:28 professional:28 huge:28 Jason:28 drawing:28
revenues:28 districts:28 scams:28 park's:28 cleared:28 Environmental:28 venues:28 Switzerland:28
affairs:28 protest:28 finally:28 DeSantis:28 schedule:28 reopenings:28 entire:28 CNN:28 streets:28
tables:28 Fair:28 monthly:28 Apple:28 prepared:28 three-month:28 churches:28 shed:28 resolution:28
cutting:27 launch:27 designed:27 hear:27 cover:27 Alabama:27 responders:27 walked:27 rally:27
single:27 paid:27 via:27 doctor:27 prisons:27 clear:27 Alameda:27 Northwest:27 prepare:27 adding:27
passengers:27 Carolina’s:27 nation’s:27 benefit:27 Putin:27 cancer:27 developed:27 grim:27
presumed:27 Commissioner:27 charges:27 prior:27 David:27 Metro:27 issue:27 outdoor:27 England:27
struck:27 Ltd:27 chemical:27 Fresno:27 kills:27 earliest:27 Brown:27 journalists:27 antiviral:27
train:27 reservation:27 Tyson:26 beyond:26 classes:26 province's:26 mean:26 precaution:26
addition:26 poll:26 city’s:26 city's:26 estimates:26 sue:26 they’re:26 rebound:26 requests:26
tens:26 holding:26 returned:26 refusing:26 climbed:26 didn’t:26 Breakdown:26 previously:26 income:26
trend:26 attorney:26 message:26 neighbors:26 Tech:26 Johnson:26 casinos:26 feed:26 re-opening:26
effective:26 candidate:26 t:26 projects:26 Please:26 ICU:26 isolation:26 activity:26 missed:26
raises:26 wake:26 PPE:26 staggering:26 regular:26 attacks:26 Seoul:26 Singaporeans:26 processed:26
fiscal:26 S:26 shown:26 am:26 Andy:26 suffered:26 soars:26 Protection:25 training:25 helps:25
French:25 there’s:25 playing:25 finds:25 Zealand:25 request:25 contracted:25 virus-related:25
doesn’t:25 extra:25 Steve:25 protocols:25 he’s:25 culture:25 joins:25 undermine:25 contracting:25
increasing:25 provider:25 Native:25 alcohol:25 claim:25 nations:25 final:25 pace:25 goes:25
recession:25 Secret:25 point:25 fact:25 Ron:25 present:25 decisions:25 turn:25 Supervisor:25
Verboon:25 NFL:25 flight:25 warnings:25 Miami:25 Japan's:25 routes:25 fashion:25 steal:25
Siegfried:25 weather:24 Netherlands:24 launched:24 Santa:24 accused:24 require:24 locations:24
Subway:24 overnight:24 Q1:24 backlog:24 bans:24 preliminarily:24 sharply:24 double:24 similar:24
marks:24 spent:24 museums:24 worth:24 Murphy:24 findings:24 developing:24 chance:24 shortages:24
Morrison:24 committed:24 rapidly:24 Intelligence:24 gained:24 giant:24 broke:24 relaxed:24
vulnerable:24 shuts:24 coach:24 Sweden's:24 instead:24 industries:24 assistant:24 shop:24 CARES:24
believe:24 shutting:24 sure:24 volunteers:24 privacy:24 Motor:24 chain:24 enter:24 Fort:24 barber:24
Cleveland:24 Bee:24 cent:24 worried:24 September:24 Iowans:24 Decontamination:24 reporters:23 lab:23
suggests:23 reveal:23 they're:23 respond:23 required:23 intended:23 remote:23 internet:23 agreed:23
ask:23 paying:23 surpassed:23 struggle:23 Blue:23 goal:23 recovering:23 Fourth:23 projections:23
shortfall:23 parties:23 organizers:23 Russian:23 Review:23 gradually:23 declared:23 criteria:23
fire:23 cure:23 systems:23 Malls:23 greater:23 individual:23 Industrial:23 dropped:23 precautions:23
temporary:23 walking:23 infrastructure:23 DHEC:23 can't:23 wait:23 extend:23 unlike:23 index:23
feel:23 Depression:23 meant:23 Taiwan:23 tracers:23 sentiment:23 doesn't:23 eyes:23 campus:23
account:23 learned:23 survive:23 relax:23 Rock:23 supports:23 dying:23 up-to-date:23 term:23
Justin:23 African:23 Approves:23 Boise:23 opportunities:23 mid-stage:23 goers:23 spoke:22 mental:22
tells:22 Mobile:22 plasma:22 Congress:22 Corrections:22 conducted:22 Paris:22 operation:22
lawmaker:22 candidates:22 voted:22 congressional:22 field:22 leaving:22 interview:22 frontline:22
costs:22 seeks:22 dealing:22 view:22 legislators:22 sometime:22 helped:22 percentage:22 ZIP:22
Southwest:22 operate:22 gave:22 Philadelphia:22 effect:22 thought:22 retailers:22 failed:22
flights:22 search:22 explains:22 worry:22 sale:22 recover:22 victims:22 becoming:22 Co:22 German:22
athletic:22 voting:22 theaters:22 winding:22 keeps:22 inbox:22 estimated:22 demanding:22 flu:22
Korea’s:22 developments:22 preventing:22 Composite:22 performance:22 stage:22 fighter:22 adviser:22
true:22 headquarters:22 stages:22 shared:22 application:22 proceed:22 IndyCar:22 carrier:22
Turkey:22 Antonio:22 PBS:22 Delta:22 harshly:22 downtown:21 travelers:21 ceremonies:21 oversight:21
aims:21 officially:21 net:21 beer:21 question:21 various:21 Facebook:21 easy:21 activities:21
raise:21 name:21 father:21 themselves:21 begun:21
`;
