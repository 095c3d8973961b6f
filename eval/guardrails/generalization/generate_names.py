#!/usr/bin/env python3
"""Generate names.jsonl: a hand-written generalization set for the PERSON
detector of the banking-chat PII guardrail.

All sentences below were written by hand for this repository (blind to the
detector, its training data and the existing PII corpus). Person names are
wrapped in [[...]] markers; this script strips the markers and computes
code-point offsets, so no offset is ever written by hand.

Conventions
  * One line of POSITIVE / NEGATIVE text per item. The two-character sequence
    backslash-n inside a line becomes a real newline (signatures, forms).
  * [[...]] marks exactly the PERSON span: full name as written, titles
    (Mr, Mrs, Ms, Dr, Prof, ...) excluded, possessive 's excluded,
    hyphenated / particle / multi-part names as one span, "SURNAME, Given"
    as one span.
  * Negatives contain no marker and no person name.

Run:  python3 generate_names.py   (rewrites names.jsonl next to this file)
"""
import json
import os
import random
import re
import sys
from collections import Counter

SEED = 20240611
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "names.jsonl")

# --------------------------------------------------------------------------
# POSITIVES (each line contains at least one [[name]])
# --------------------------------------------------------------------------
POSITIVES = r"""
send $40 to [[Dwayne]]
Send $40 to [[Dwayne]] for the concert tickets
my landlord [[Maria Gonzalez-Ortiz]] says the rent didn't arrive
tell [[dwayne]] i paid
Pay [[Chidi Okonkwo]] 120
I'm [[Priya Raman]] and I lost my card
this is [[John]]
hi, [[Liam]] here
account holder: [[KOWALSKI, Anna]]
Can you transfer 250 to [[Kwame Mensah]] from my checking?
Please send 75 pounds to [[Siobhán O'Sullivan]], it's for the hen party
I need to pay [[Oluwaseun Adebayo]] back for dinner, about $36
how do i add [[Wanjiru Kamau]] as a payee
Add [[Thandiwe Ndlovu]] as a new beneficiary please
Zelle $60 to [[Marisol]] for babysitting
Venmo [[Jake Thornton]] 15 bucks
Can I schedule a monthly payment of 900 to [[Eleni Papadopoulos]]? She's my landlady
The payment to [[Arjun Mehta]] is still pending, why?
Did [[Tsion Tesfaye]] receive the 200 I sent yesterday?
I sent money to [[Dmitri Volkov]] by mistake, can I get it back?
Wrong recipient! I meant to send it to [[Ayesha Siddiqui]] not [[Ayesha Siddique]]
Reverse the transfer to [[Björn Lindqvist]] please, he's not who I thought
Split the restaurant bill with [[Hana]] and [[Kenji]]
I owe [[Bilal]] 45 for the gas, send it tonight
pay back [[Mateo]] 20
Transfer 1,500 to [[Guadalupe Hernández]] for the car
Please wire 3000 EUR to [[Jürgen Müller]] in Munich
wire to [[Hélène Dubois]], IBAN FR76 **** 1234
Send [[Zoë]] 30 for her birthday
Give [[José]] 25 from savings
Can you set up a standing order to [[Aoife Ní Bhriain]] for £400 on the 1st?
The standing order to [[Padraig Ó Súilleabháin]] went out twice this month
Cancel the recurring transfer to [[Ioana Popescu]]
Stop the weekly payment to [[Sipho Dlamini]], he moved out
I want to pay my cleaner [[Rosa Quispe]] 80 every Friday
My nanny [[Maricel Dizon]] needs to be paid by Thursday
Please reimburse [[Keoni Kahale]] for the team lunch
Send half of the electric bill to my roommate [[Tyler Brennan]]
my roommate [[connor]] still hasn't paid me back
my son [[Ethan]] wants his own debit card, how old does he need to be?
Can my daughter [[Amara]] be added as an authorized user?
I want to add my husband [[Rajesh Iyer]] to my account
My wife [[Leilani Akana]] is a joint holder, can she reset the PIN?
Remove my ex [[Derek Lawson]] from the joint account
My mother [[Fatima Benali]] passed away, what do I do with her account?
My dad, [[Hiroshi Tanaka]], needs help logging in
My grandmother [[Agnieszka Kowalczyk]] got a scam call pretending to be you
my brother [[Oisín]] used my card without asking
my sister [[Nkechi]] borrowed my card, is that a problem?
My business partner [[Lorenzo Bianchi]] should get access to the business account
Our accountant [[Miriam Goldberg]] needs read-only access to statements
my financial advisor [[Devon Clarke]] told me to move money to the IRA
The plumber [[Tomasz Nowak]] wants payment by transfer, is that safe?
A guy named [[Kevin O'Malley]] called and said he's from your fraud team
Someone called [[Jessica Tran]] emailed me about a refund, is she legit?
I got a text from '[[Michael Roberts]], fraud department', is that you?
Is [[Rahul]] from your security team a real employee?
A lady called [[Sandra]] phoned me asking for my card number
The agent [[Marcus]] said my dispute was approved yesterday
I spoke with [[Aaliyah]] on the phone and she said the fee would be waived
Can I speak to [[Ms. Chen]] again? She handled my mortgage
Please pass this on to [[Mr. Okafor]] at the Riverside branch
Dr. [[Maria Lopez]] needs a receipt for my co-pay, can I download one?
I'm paying Dr. [[Anand Krishnan]] for the dental work
Prof. [[Ingrid Halvorsen]] is sending me a stipend, when will it clear?
Mrs. [[Nakamura]] is my neighbour and she needs help with online banking
Mr [[Adeyemi]] from the branch said to message here
Is Dr. [[Yusuf Al-Amin]] on my list of payees?
[[Diego]] says he never got the money
[[Sarah]]'s payment bounced
[[Sarah]]'s card was declined at the pharmacy
[[Kofi]]'s rent share came in late again
[[Grace Adeyemi]] is my sister, can I send her money overseas?
[[Maya]] and I share an account, how do I see her transactions?
[[Natasha Ivanova]] is the name on the account
[[Keanu]] paid me 50 but it shows as 5
[[Emre Yılmaz]] sent me 200 lira, where is it?
[[Lucía Fernández]] should be receiving 150 from me today
[[O'Brien]]'s invoice is due Friday, can I schedule it?
[[D'Angelo]] wants me to send the deposit before noon
[[D'Angelo Russo]] is my contractor, pay him 2,400
I'm paying [[Liam O'Connor]] for the bike
Transfer to [[Ciara D'Arcy]], 60 euro
My name is [[Zsófia Horváth]] and I need a new PIN
My name is [[Tobias Eriksen]], I'm locked out of the app
my name is [[keisha williams]] and my card got stolen
Hello, I'm [[Nguyen Thi Minh Khai]], I want to open a savings account
Hi, I am [[Oksana Shevchenko]]. I can't see my last deposit
Hi this is [[Pemba Sherpa]], calling about the loan
hey it's [[jamal]], why was I charged twice
It's [[Ravi]] again, still waiting on that refund
[[Wei Zhang]] here, my transfer to China is stuck
[[Aroha Ngata]] speaking, I need to dispute a charge
This is [[Camille Laurent]] writing about my overdraft
Hi, [[Ngozi Eze]] here. I moved and need to update my address
Good morning, my name's [[Sven]] and I have a question about fees
I am [[Abdul Rahman bin Hassan]], account ending 4471
hi im [[carlos]] my card isnt working
Hello my name is [[Lakshmi Venkataraman]], I forgot my username
I'm [[Mehmet Öztürk]], I want to close my account
Good afternoon, [[Dragana Petrović]] here, please check my balance
Yes, this is [[Leonardo da Silva]] speaking
The account is in the name of [[Ludwig van Beethoven]] — yes, really, that's my dad's name
My full legal name is [[María José García López]]
The card says [[Jon Snowden]] but my name is [[Jonathan Snowden]], is that ok?
Name on card: [[PRIYANKA CHOPRA-NAIR]]
Cardholder: [[Samuel Osei]]
Beneficiary name: [[Fatuma Hassan Ali]]
Payee: [[Gurpreet Singh Dhillon]]
Recipient: [[Thi Lan Pham]]\nAmount: 300 USD\nReference: school fees
Account holder: [[Haruto Sato]]\nSort code: 20-**-**
account holder name - [[Wiremu Tane]]
Full name: [[Dilani Wickramasinghe]]\nDate of birth: on file
Name: [[Ahmad Karimi]]\nIssue: card not arriving
Beneficiary: [[OKAFOR CHINEDU]]
Payee name: [[SMITH-JONES, Olivia]]
Account holder(s): [[Anna Kowalski]] and [[Piotr Kowalski]]
Joint holders: [[Emma Lindgren]] & [[Oskar Lindgren]]
Sender: [[ABIGAIL MENSAH-BONSU]]
Memo: rent - [[Kaito Yamamoto]]
Reference: birthday gift for [[Ines]]
The memo says "[[Jasper]] lunch" but I never had lunch with anyone named that
Thanks,\n[[Maria]]
Thank you!\n\n[[Rohan Desai]]
Kind regards,\n[[Eilidh MacLeod]]
Best,\n[[Tomás Ruiz]]
Cheers\n[[Ben]]
Regards,\n[[Yael Ben-David]]\nSent from my iPhone
Sincerely,\n[[Adaeze Nwosu]]\n(555) 014-2211
Many thanks, [[Sinéad]]
thanks - [[mo]]
Please advise.\n\n[[Hodan Warsame]]
-- [[Jean-Baptiste Moreau]]
Sent by [[Chloé Girard]]
Can you help? [[Antonio]]
Regards\n[[Shirin Ahmadi]]\nOperations Manager
Kind regards,\n\n[[Dariush Farahani]]\nFarahani Imports Ltd
Hope this makes sense. – [[Ji-woo]]
I need help with my statement. Thanks, [[Kim Min-jun]]
Please call me back. [[Park Ji-yeon]], 07700 900123
SEND 500 TO [[MARCUS WEBB]] NOW
WHY HASN'T [[JANELLE]] GOT HER MONEY YET
PAY [[TOMASZ]] 40
I SENT 300 TO [[KWAME ASANTE]] AND IT DISAPPEARED
MY NAME IS [[ROSALIND OKORO]] AND I WANT TO COMPLAIN
REFUND [[DEREK]] THE 20 DOLLARS
TRANSFER TO [[MICHAEL OYELARAN]] FAILED AGAIN
CALL ME BACK ASAP - [[BARRY]]
[[LUIS]] SAYS HE NEVER GOT IT
ACCOUNT HOLDER: [[GUÐRÚN JÓNSDÓTTIR]]
send 20 to [[mark]]
tell [[bill]] i sent it
pay [[grace]] 15 for the cinema
can u send [[ade]] 30
send [[yuki]] the 25 i owe her
transfer 100 to [[aisha]]
pls pay [[sofia]] back 12
venmo [[brayden]] 8 for pizza
zelle [[destiny]] 50
[[kayla]] needs 20 can u send it
i owe [[chinedu]] money, send 40
pay [[olumide]] 55 from savings
give [[niamh]] a tenner
pay [[javier]] for the tiles 350
send [[ming]] 1000 rmb equivalent
ok send it to [[thabo]] then
transfer to [[amir]] 70
send it to [[lars]] not me
[[priya]] didnt get it
did [[hamza]] get paid
when will [[ana]] get the money
[[nour]] says she still hasnt received anything
cancel the payment to [[jose luis]]
add [[tamsin]] as payee
remove [[kyle]] from my payees
pay [[mrs patel]] the rent
send [[dr. reyes]] the copay
pay [[nana ama]] 200 cedis
how much did i send [[diego]] last month
show me all payments to [[kenneth]]
how much have i paid [[Ama Serwaa]] this year?
List every transfer to [[Farrukh Tashkentov]] since January
What did I send [[Svetlana]] in March?
Show transactions with [[Ngaio Reti]]
When was my last payment to [[Theo Nakashima]]?
Total I've received from [[Adrián Castillo]]?
Find the payment from [[Babajide]] around the 14th
Who is [[Leroy Jenkins-Baptiste]] and why did he send me 1 cent?
I got 0.01 from [[Zhou Xin]] with a weird memo, is that a scam?
A payment of 899 from [[Rebecca Holm]] showed up and I don't know her
there's a deposit from [[ERIKA VASQUEZ]] i don't recognise
Unknown charge: PAYPAL *[[JOHNSMITH]] — is that fraud?
Zelle from [[Tamika R. Jones]] was returned, why?
The transfer from [[Abebe Girma]] hasn't shown up
Money from [[Otieno Odhiambo]] in Kenya arrived short by 40
[[Hauwa Musa]] sent me 50,000 naira, how long until it converts?
Pending deposit from [[Aminu Bello]] — when does it clear?
Payroll from [[Ruth Asante]]'s company is late
My employer [[Graham Whitfield]] says he paid me on Friday
My boss [[Jennifer Lau]] wrote me a cheque, can I deposit it in the app?
A check from [[Winston Farquharson]] bounced
Can I deposit a check made out to [[Bobby]] instead of [[Robert]]?
The cheque is payable to [[Catriona Fraser]] but I'm her power of attorney
I have power of attorney for [[Edith Marsh]], what documents do you need?
I'm the executor for [[Harold Brenner]]'s estate
My late husband [[Vikram Rao]] had an account here
I'm calling on behalf of my uncle [[Youssef El-Amrani]]
Can [[Lena]] pick up my new card at the branch?
Can [[Ifeoma Obi]] deposit cash into my account?
I authorise [[Callum Reid]] to speak on my behalf
Please let [[Marta Sokolowska]] access my statements while I'm in hospital
[[Isabella]] and [[Noah]] are my kids, can they each get a savings account?
Send 20 to [[Priya]] and 20 to [[Omar]]
Pay [[Chiara]] 50 and [[Matteo]] 30
Split 90 between [[Aditi]], [[Karan]] and [[Neha]]
I paid [[Joaquín]] but meant to pay [[Joaquim]], different people
[[Sophie]] sent it to [[Jack]] by mistake, can Jack send it back?
[[Rania Haddad]] and [[Samir Haddad]] both need cards on the joint account
Transfer 400 to [[Lukas Weber]], then 150 to [[Mia Schneider]]
my mum wants me to send [[Auntie Bisi]] 100
Send 60 to my cousin [[Kemal]] and 40 to my cousin [[Selin]]
[[Tom]] owes me 30, [[Jerry]] owes me 20 — can I request money from both?
Request 25 from [[Phoebe]]
Send a payment request to [[Ngozi Adichie-Eze]] for 80
Can I request money from [[Declan]] even if he banks elsewhere?
Remind [[Felix]] he owes me for the flights
[[Ahmed]]'s and [[Layla]]'s allowance should go out on Sundays
Pay [[Olga]] on the 5th and [[Pavel]] on the 20th
Does [[Arnav]] have to be a customer to receive a transfer?
Does the transfer to [[Maëlle]] need a BIC?
I think [[Stanislav]] gave me the wrong account number
[[Ana Lucía]] gave me her IBAN but it says invalid
Please check if [[Hamid Sultani]]'s account details are correct before I send
Is it safe to send money to [[Chukwuemeka]] for a car I haven't seen?
I met [[Daniel]] online and he wants me to send him gift cards
My boyfriend [[Andre]] asked me to receive money for him and send it on
Someone named [[Vusi Khumalo]] is asking me to forward a deposit
Scammer pretending to be [[Elon]]? He wants bitcoin
I've been talking to a man called [[Captain Richard Hayes]] on Facebook and he needs money for customs
A woman called [[Lorraine]] from 'the tax office' told me to move all my savings
[[Mr. Alvarez]] at the dealership wants a cashier's check
The notary, [[Ms. Okonjo]], needs a bank letter
Is [[Dr. Siddharth Bose]] an approved merchant for HSA card payments?
I'm [[Anh]], my mum [[Bich Ngoc]] is the joint holder
I'm [[Kai]] and my partner is [[Jordan]], we want a joint account
This is [[Will]]. Will I get charged for the transfer?
[[Will Turner]] is my name and I need a statement
Send 20 to [[Will]]
Pay [[Bill]] for the lawnmower
Tell [[Mark]] the money is on its way
[[Mark]] said the transfer failed
[[May Chen]] is my tenant and her rent bounced
Send [[April]] 40 for the concert
[[June Park]] set up a direct debit on my account without asking
I'm [[Frank]], and I have a question about my mortgage
[[Frank Delgado]] says he sent the check
Pay [[Hope]] 25
[[Summer Reyes]] needs a refund from me
[[Jordan Blake]] is my roommate, split the utilities with him
Send [[Paris]] 10 for the Uber, she's my coworker
Pay [[Sunny]] for the yard work
[[Victoria Osei]] will be joining my account
Give [[Chase]] 30, he's my nephew
Send money to [[Austin]] for the trip
[[Charlotte]] is waiting for my payment
[[Madison]]'s tuition needs to be paid before August
[[Georgia Hartley]] sent me the wrong amount
[[Florence]] from accounting asked for my bank letter
[[Brooklyn]] is my daughter, can she get a teen card?
[[Christian]] said he'd pay me back in May
[[Dallas]] needs 20 for gas
[[Sydney]] is my roommate, she Venmoed me
[[Virginia Woolcott]] is the co-signer on my loan
[[Rich]] owes me 50
send [[Rob]] his share
[[Penny]] lent me 100, I need to pay her back
[[Amber]] wants me to transfer the deposit
[[Joy]] paid me twice by mistake
[[Faith Mwangi]] is my tenant
[[Dawn]] from the landlord's office needs the rent
[[Ray]] sent me a check that bounced
[[Rose]] is my grandma, can I manage her account?
[[Jack Harlow]] asked for 80
[[Iris Vance]] needs my sort code for the transfer
[[Sterling Adams]] is the payee name
My colleague [[Art Kowalczyk]] said to transfer 20
[[Pat]] says she'll send it Friday
[[Sue]] sent the money, thanks
[[Nick]] is my son, can he use my card?
Send 30 to [[Autumn]]
The landlord, [[Mr. Brown]], wants cash only
Send the deposit to [[Misty]] — it's for the puppy
[[Rocky]] is my stepson
I'll pay [[Destiny]] tomorrow
[[Chance]] is going to pay me back
[[Precious Ndlovu]] sent 500 rand
Please pay [[Blessing Okafor]] 120
[[Godswill Eze]] sent a payment request
[[Memory Banda]] is my cousin in Malawi, can I send money there?
[[Gift Phiri]] needs school fees
[[Patience]] paid me via bank transfer
[[Honour]] sent money from Zimbabwe
[[Evangeline Cruz]] needs to be added to my account
Please transfer my share to [[Dolores]]
[[Dolores Umbridge-Smith]] is the payee, spelled with a hyphen
Did my Zelle to [[Khadija]] go through?
My Apple Pay payment to [[Elijah]] is stuck
I sent [[Aria]] money through Cash App but it says pending
Chase says the transfer to [[Gabriel]] was flagged
I bank with Wells Fargo and need to send to [[Yasmin]] here
Can I use my Visa to pay [[Ferhat]]?
Paid [[Bongani]] at Victoria station, now I see a fee
Met [[Ana]] in Paris and paid her back with my card — foreign fee?
I was in Jordan visiting [[Rami]] and my card got blocked
On Monday I sent 50 to [[Tamar]], still nothing
In May I paid [[Wren]] 300 for the deposit
Last Sunday [[Mohammed]] transferred me 40
Before Christmas I gave [[Kiri]] 100 through the app
Payment to [[Jovana]] on 12 March shows as returned
Yesterday [[Iker]] sent me 70 and it vanished
[[Teodora]] — is she on my payee list?
Is [[Raúl]] saved as a payee?
Rename payee '[[Jim]]' to '[[James Whitaker]]'
Change the payee name from [[Saoirse]] to [[Saoirse Kavanagh]]
Update the name on my account to [[Amelia Hart]] (I got married)
My name changed from [[Laura Becker]] to [[Laura Schmitt]] after the wedding
I legally changed my name to [[River Alvarez]], how do I update it?
Please correct my surname, it's [[Nguyễn]] with the accent, not [[Nguyen]]
My first name is misspelled, it should be [[Zoë]] with the dots
The card shows [[MUELLER]] but my name is [[Müller]]
The statement says [[Jose]] but my name is [[José]]
Spelled [[Krzysztof]], not [[Christopher]]
It's [[Siobhan]], with a B-H in the middle
My surname is [[O'Neill]] and your form won't accept the apostrophe
My last name [[D'Souza]] keeps getting rejected
The app won't let me type [[Ní Dhomhnaill]] correctly
My name [[Nørgaard]] shows up as N?rgaard
Can you put [[Björk]] on the card without a last name?
My name is only [[Sukarni]], I don't have a surname
My surname is [[Lee]], what else do you need?
Surname [[Smith]], first name [[John]]
Last name: [[Abubakar]]\nFirst name: [[Zainab]]
[[Kowalski]] is my surname
Please address letters to [[Mx. Robin Ellery]]
Send the replacement card to [[Ms. Adwoa Boateng]] at my address
Please make the cheque out to [[Mrs. Gwendolyn Price]]
The bank draft should be payable to [[Dr. Nadia Rahimi]]
The wire instructions list [[Mr. Chen Jianguo]] as beneficiary
I'm sending tuition for [[Aditya Kulkarni]] to the university
It's a gift for [[Ekaterina Smirnova]]'s wedding
I want to set up a trust for my granddaughter [[Isla]]
Open a junior ISA for [[Freddie]]
Is [[Hannah]] old enough for a teen account? She's 13
I need a letter confirming [[Kwabena Owusu]] is my dependant
Please add [[Meera Pillai]] as a beneficiary on my savings
Remove [[Gareth Evans]] as beneficiary
Change the beneficiary from [[Nadia]] to [[Rustam]]
Who can see [[Léa]]'s transactions on our family plan?
Limit [[Jayden]]'s card to 20 a day
Freeze [[Max]]'s card, he lost it at school
Top up [[Ellie]]'s pocket money card with 10
[[Ollie]]'s card got swallowed by the ATM
[[Aarav]]'s savings goal is 500
[[Pooja]] and [[Vivek]] want to merge accounts
Please confirm [[Hendrik de Vries]] is the owner of NL91 ABNA **** 00
Confirmation of payee says the name doesn't match [[Jon Matthews]]
Name check failed for [[Sean Mac Giolla Phádraig]] — too long?
The name match says 'close match: [[Mohammed Ali Khan]]'
Is [[Cristiano]] on the account? He says he is
My tenant [[Ibrahim Diallo]] paid cash but I need to deposit it
My landlord [[Paolo Greco]] wants me to pay via wire
[[Yuto]]'s parents sent 50,000 yen
I'm selling my car to [[Liang Qiang]], how should he pay me?
Can [[Oleksandr]] send me money from Ukraine?
I need to send money to my aunt [[Tahmina Rahman]] in Dhaka
Pay [[Somchai Srisuk]] 5000 baht for the hotel
My in-laws, [[Tevita]] and [[Mele Fifita]], are sending a gift
[[Sione Tuilagi]] sent me money from Auckland
Can I send NZD to [[Mereana Walker]]?
Please pay [[Ngaire]] 45 for the ferry
Transfer to [[Anahera Wihongi]] failed
Send 10 to [[Tanvir]] for chai
[[Fernanda Oliveira]] paid me in reais, can you convert?
Can [[João Pereira]] deposit into my account from Portugal?
Send 200 to [[Thiago Nascimento]]
I owe [[Camila]] for the groceries
[[Valentina Rossi]] is my Italian tutor, pay her monthly
Pay [[Giuseppe]] 90
[[Alessandro]] needs the rent by the 3rd
[[Francesca Moretti]] will call to confirm
Please transfer to [[Xavier]], he's my flatmate
[[Inés Navarro]] sent 120 euros
[[Pilar]] wants me to pay via Bizum, can I?
Send [[Íñigo]] 30 for the football
[[Ximena Torres]] is my babysitter
[[Maribel]] cleans on Tuesdays, pay her 60
Pay [[Juan Pablo]] 40
[[Juan Carlos Méndez]] is my accountant
Transfer 500 to [[Ana de la Cruz]]
Send it to [[Vincent van der Berg]] please
[[Willem]] wants me to pay with iDEAL
[[Anneke Jansen]] is the landlord
[[Sanne]] sent me 20 via Tikkie
[[Jens]] says he sent it from Danske
Pay [[Søren Mikkelsen]] 1200 DKK
Transfer to [[Sølvi Haugen]] for the cabin
I owe [[Kristján]] for the whale tour
[[Jiří Dvořák]] sent me korunas
[[Nikola Jovanović]] sent a transfer from Belgrade
[[Réka Szabó]] is my student, she pays me monthly
I sent 100 to [[Olena Bondarenko]] in Kyiv
[[Łukasz Wiśniewski]] is my colleague
Pay [[Małgorzata]] 200 zł
[[Dimitra Konstantinou]] is the payee
[[Çağla]] sent me 300 lira
[[Ali Reza]] sent money from Tehran? Is that possible?
[[Ardeshir Tehrani]] is the beneficiary
[[Layla Al-Masri]] is asking for the rent
Send [[Omar Al-Farsi]] 200 for the flights
[[Hassan]] and [[Hussein]] are twins, which one did I pay?
Pay [[Khalid bin Salem]] the deposit
Pay [[Noa Levi]] 100
[[Kwaku]] sent money from Accra
[[Folasade Ogunleye]] is my tenant
Send [[Obinna]] 100 for the flight
[[Zanele]] sent 300 rand
[[Wambui]] sent shillings via M-Pesa
[[Dawit]] is my brother, send him 200
[[Fatou Diop]] is my cousin in Dakar
[[Aminata Traoré]] sent money from Bamako
[[Rahel]] sent money from Asmara
[[Harpreet Kaur]] is the payee
Pay [[Sunita Agarwal]] for the tuition
[[Tharindu]] sent rupees from Colombo
[[Bishnu]] sent money from Kathmandu
[[Wang Xiuying]] is my grandmother
[[Ren Suzuki]] is my landlord
[[Lee Soo-min]] is my tenant
[[Tran Van Duc]] is my father
[[Putri Wulandari]] sent rupiah
[[Rizal Mahmud]] paid me in ringgit
[[Jun-jun]] is my nephew, send him 20
[[Xóchitl Ramírez]] is my friend
[[Yulissa]] wants me to Zelle her
[[Desmond Campbell]] is my uncle in Kingston
[[Da'Quan]] sent 20
[[Ta'Shauna]] is my daughter
[[Winona]] paid me back for the tickets
[[Eoghan McCarthy]] owes me
[[Mairéad]] sent it
[[Angharad Evans]] is my tenant
"""

# --------------------------------------------------------------------------
# HARD NEGATIVES (no person name; no markers allowed)
# --------------------------------------------------------------------------
NEGATIVES = r"""
Will I get charged for sending money abroad?
Will my card work overseas?
will the refund show up today
May I see my statement for last month?
May I increase my credit limit?
I paid the Bill but it still shows overdue
I paid the bill but it still shows overdue
Bill pay isn't working on the app
Is there a Grace period on my credit card?
What's the grace period before late fees?
my card was declined in Jordan
My card got blocked when I was in Jordan last week
Paris trip charges are showing twice
I'm going to Paris in June, do I need to notify you?
Can I add my card to Apple Pay?
Apple Pay keeps failing at checkout
How do I transfer money from Chase bank?
Wells Fargo says they sent the wire, where is it?
I see an Amazon charge I didn't make
Amazon refund still not showing
Hi I'm waiting for a refund
Hi, I'm waiting on a transfer from my other bank
I'm Frank about this, your fees are too high
To be frank, this service is terrible
Mark this as fraud
Mark these two transactions as disputed please
Sunny day today, but my card still doesn't work
I used my card at Victoria station and got charged twice
I need to update my Virginia address
There's a Christian bookstore charge I don't recognise
I moved to Brooklyn, how do I change my address?
My new address is 123 Washington Street
Please send the card to 45 Lincoln Avenue, Apt 3
I live on King Street now
Dear Sir or Madam, I am writing to dispute a charge
Dear Sir/Madam,\nPlease close my account.
Thanks, Customer Service Team
Regards,\nThe Fraud Prevention Team
To whom it may concern, my card was stolen
Dear valued customer, your statement is ready
transfer to mum
send 50 to mum
pay dad back 20
Send my wife 100 from savings
Transfer 300 to my landlord
My landlord says the rent didn't arrive
Pay the babysitter 40
send grandma 25 for her birthday
my brother used my card without asking
My son wants his own debit card
Can my daughter be added as an authorized user?
the plumber wants payment by bank transfer
My boss wrote me a cheque, can I deposit it?
I owe my roommate for the electric bill
Tell my sister I paid
A guy called saying he's from your fraud team
Someone emailed me pretending to be from the bank
The agent on the phone said my dispute was approved
Can I speak to the manager?
Please pass this on to the branch manager
My doctor needs a receipt for the co-pay
Is there a fee for sending money to Mexico?
How long does a transfer to India take?
I'm moving to Georgia, will my account still work?
Can I use my card in Florence?
I was charged in Sydney but I've never been to Australia
Charges from Charlotte, NC that aren't mine
Why was I charged in Austin?
Declined at a gas station in Phoenix
There's an ATM withdrawal in Orlando I didn't make
Transaction in Madison, WI, not me
Someone used my card in Houston
I was in Dallas last weekend and the ATM ate my card
Is there a branch in Denver?
Card skimmed at a petrol station in Adelaide
I'm travelling to Alexandria next month
Two charges from Savannah, GA
I'm in Victoria, BC, can I withdraw cash?
Is the Lincoln branch open on Saturday?
The Eugene branch closed early
Payment to a hotel in Regina, Saskatchewan
I'm in Chelsea and the ATM is out of order
Visa Signature benefits question
What's the cashback on the Mastercard World Elite?
Upgrade me to the Platinum card
Is the Sapphire card worth the annual fee?
Amex Gold statement is wrong
Google Pay won't add my card
Does Samsung Pay work with your debit card?
My Alexa ordered something and charged my card
I asked Siri to send money and nothing happened
Zelle says the recipient isn't enrolled
Cash App charge I don't recognise
Venmo payment is stuck
Klarna took two payments this month
Afterpay charged me a late fee
Can I link my Revolut account?
Transfer from Monzo hasn't arrived
Barclays says the payment left yesterday
Lloyds transfer pending
HSBC wire fee is too high
Santander account switch question
Morgan Stanley transfer to my IRA
JPMorgan wire confirmation needed
Goldman Sachs savings transfer is delayed
Can I move my Schwab brokerage cash here?
Charge from McDonald's for 45 dollars? I only got fries
Wendy's charged me twice
Trader Joe's refund not showing
Sainsbury's took 80 quid twice
Marks & Spencer charge pending
Dr Pepper vending machine took my money
Ben & Jerry's charge at the airport
Dunkin' double charged me
Charge from Denny's I don't recognise
Papa John's order was refunded but not on my statement
Chick-fil-A charge from a city I wasn't in
Macy's store card payment
Kohl's charge pending
Dillard's return not credited
Walgreens pharmacy charge
Sephora charge twice
Tesla supercharger fees
Ford Credit autopay failed
Dell financing payment
Disney Plus subscription renewed without asking
Spotify Premium charge after I cancelled
Netflix charged me in euros
POS PURCHASE WALMART #1234 WHAT IS THIS
SQ *BLUE BOTTLE COFFEE charge
TST* DENNY'S 0442 duplicate
AMZN Mktp US*2K4 charge
PAYPAL *EBAY INC refund
UBER *TRIP help
DD *DOORDASH charge
WHY WAS MY CARD DECLINED AT TARGET
I WANT MY MONEY BACK
CANCEL MY CARD NOW
THIS IS RIDICULOUS, THIRD TIME THIS WEEK
HELP MY ACCOUNT IS LOCKED
I need my statement for May
In June I was charged a fee
August payments are missing
The April direct debit failed
My rent is due on the first Monday
Every Friday my paycheck hits late
Payday is Thursday
Charged on Sunday, refunded on Tuesday
Christmas shopping put me over my limit
Easter weekend branch hours?
Labor Day deposit delay
Black Friday purchases aren't showing
Hope you can help me with this
Joy of joys, another declined card
Faith in this bank is low right now
Grace period for the mortgage?
Summer holiday budget tips?
Autumn statement question
I'll check at dawn when the funds clear
Rich text in my statement isn't displaying
Art supplies store charged me twice
Every penny counts, so why the fee?
Pound sterling to euro rate today
How much is a pound sterling in dollars?
Chase the refund for me please
Can you jack up my limit?
I want to sue the merchant
I got robbed, my wallet is gone
My card was nicked on the bus
Carol singers took my change, jk, but what's my balance
Rose gold card design available?
Iris scan login not working
Amber alert on my account? What does the orange icon mean
The Crown Jewel savings rate
Royal Mail lost my card
Post Office cash deposit
Victoria Secret charge
Georgia Power bill payment
Virginia Beach hotel charge
Carolina Panthers tickets refund
Houston Astros season tickets charge
St. Louis toll charge
San Jose parking fine
Santa Monica restaurant charge
Saint Patrick's Day pub charge
St. Mary's Hospital parking
Catholic charities donation receipt
Jewish Community Center membership charge
Salvation Army donation
Red Cross donation didn't go through
Methodist church tithe autopay
Buddhist temple donation
Muslim Aid donation receipt
Good Samaritan Hospital bill
Shepherd's Bush station overcharged me
Piccadilly Circus ATM
Waterloo station ticket machine
Kings Cross charge
Oxford Street store charge
Baker Street tube fare
Fleet Street parking
Penny Lane cafe charged me
Abbey Road studios gift shop
Broadway show tickets refund
Madison Square Garden charge
Lincoln Center tickets
Rockefeller Center skating charge
Jefferson Ave branch closed?
Franklin Street ATM broken
Hamilton tickets charge
Columbus Day transfer delay
Memorial Day hours
Presidents' Day - are branches open?
Dear customer, we noticed unusual activity
Good morning, I have a question about my balance
Hello, I'm locked out
Hi, I'm new here
It's me again, still waiting
Me again. Any update?
Kind regards
Sent from my iPhone
Name on card: as shown on the front
Cardholder name field won't accept my input
Account holder: see attached document
Beneficiary name is required, it says
Payee: electricity company
Recipient: my savings account
Reference: rent March
Memo: groceries
Full name: (same as before)
Sender: unknown
First name and last name fields are mixed up
Can I change the name on my account?
Please add my partner as a joint holder
I'm the guardian of a child, can I open an account?
Pay the landlord on the first
Someone sent me money by mistake
IBAN GB29 NWBK 6016 1331 9268 19 is that valid?
Face ID stopped working
Is Premier Banking worth it?
Gold Account fees
Student Account overdraft
Basic Checking monthly fee
Young Saver interest rate
Rewards Plus points missing
Freedom Unlimited cashback
Smart Saver round-ups
Summit Mortgage rates
Harbor Savings promo
Liberty Mutual insurance autopay
Prudential insurance payment
Fidelity transfer to my IRA
Vanguard account link
"""


MARK = re.compile(r"\[\[(.+?)\]\]")


def parse(line):
    """Strip [[...]] markers from line; return (text, entities)."""
    line = line.replace("\\n", "\n")
    out, ents, pos = [], [], 0
    cursor = 0
    for m in MARK.finditer(line):
        out.append(line[cursor:m.start()])
        pos += len(line[cursor:m.start()])
        span = m.group(1)
        ents.append({"type": "PERSON", "start": pos, "end": pos + len(span), "text": span})
        out.append(span)
        pos += len(span)
        cursor = m.end()
    out.append(line[cursor:])
    text = "".join(out)
    assert "[[" not in text and "]]" not in text, line
    return text, ents


def lines(block):
    return [l for l in (x.strip() for x in block.strip("\n").split("\n")) if l]


def strip_titles(text, ents):
    """Span convention: titles are excluded from the span. Some lines above
    are written with the title inside the marker for readability
    ("[[Ms. Chen]]", "[[mrs patel]]", "[[Captain Richard Hayes]]");
    move the span start past the title here, programmatically."""
    titles = ["Mx. ", "Ms. ", "Mrs. ", "Mr. ", "Dr. ", "dr. ", "mrs ", "Mr ",
              "Captain ", "Auntie "]
    fixed = []
    for e in ents:
        for t in titles:
            if e["text"].startswith(t):
                e = dict(e, start=e["start"] + len(t), text=e["text"][len(t):])
                break
        fixed.append(e)
    return fixed


def build():
    items = []
    for l in lines(POSITIVES):
        text, ents = parse(l)
        assert ents, "positive without name: %r" % l
        ents = strip_titles(text, ents)
        items.append({"text": text, "entities": ents, "kind": "positive"})
    for l in lines(NEGATIVES):
        assert "[[" not in l, l
        text, ents = parse(l)
        items.append({"text": text, "entities": [], "kind": "negative"})

    # no duplicate texts
    dup = [t for t, c in Counter(i["text"] for i in items).items() if c > 1]
    assert not dup, dup

    # split: half validation / half heldout within each kind, fixed seed
    rng = random.Random(SEED)
    for kind in ("positive", "negative"):
        idx = [k for k, it in enumerate(items) if it["kind"] == kind]
        rng.shuffle(idx)
        half = len(idx) // 2
        for n, k in enumerate(idx):
            items[k]["split"] = "validation" if n < half else "heldout"
    return items


def validate(items):
    for it in items:
        assert set(it) == {"text", "entities", "kind", "split"}
        assert it["kind"] in ("positive", "negative")
        assert it["split"] in ("validation", "heldout")
        if it["kind"] == "positive":
            assert it["entities"]
        else:
            assert it["entities"] == []
        last = -1
        for e in it["entities"]:
            assert e["type"] == "PERSON"
            assert it["text"][e["start"]:e["end"]] == e["text"], (it, e)
            assert e["text"] == e["text"].strip() and e["text"]
            assert e["start"] >= last
            last = e["end"]


def main():
    items = build()
    validate(items)
    with open(OUT, "w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    # re-read and re-validate what is on disk
    with open(OUT, encoding="utf-8") as f:
        back = [json.loads(l) for l in f]
    validate(back)
    c = Counter((it["kind"], it["split"]) for it in back)
    n_ents = sum(len(it["entities"]) for it in back)
    print("lines: %d" % len(back))
    for kind in ("positive", "negative"):
        print("  %-8s total=%d validation=%d heldout=%d" % (
            kind, c[(kind, "validation")] + c[(kind, "heldout")],
            c[(kind, "validation")], c[(kind, "heldout")]))
    print("PERSON spans: %d" % n_ents)
    print("multi-name lines: %d" % sum(len(it["entities"]) > 1 for it in back))
    return 0


if __name__ == "__main__":
    sys.exit(main())
