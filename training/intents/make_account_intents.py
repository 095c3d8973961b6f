#!/usr/bin/env python3
"""Builds account-intents.jsonl: training data for Pennant's chat intent classifier.

Every label gets its hand-written sentences (HAND below, written for this file) and is
then topped up to TARGET lines from small templates filled with varied names, amounts,
billers, merchants and dates, with realistic typos and chat styling injected into some
of them. The random seed is fixed, so running this again gives the same file.

    python3 make_account_intents.py            # writes account-intents.jsonl beside this file
    python3 make_account_intents.py --stats    # also prints counts (hand-written / generated)
"""

import json
import os
import random
import re
import sys

SEED = 20240611
TARGET = 300

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "account-intents.jsonl")


def lines(block):
    out = []
    for raw in block.split("\n"):
        s = raw.strip()
        if s and not s.startswith("#"):
            out.append(s)
    return out


# ---------------------------------------------------------------------------
# Hand-written sentences, one per line.
# ---------------------------------------------------------------------------

HAND = {}

HAND["balance"] = lines("""
what's my balance
whats my balance
balance
bal?
checkin bal pls
how much do i have in savings
how much do I owe on my card
whats left till payday
how much money do i have
How much money do I have right now?
what's in my checking account
What is my current checking balance?
can you tell me my savings balance please
show me my balances
all my balances pls
how much is in checking rn
how much cash do i have available
what's my available balance
available balance on checking?
whats my available credit
how much credit do i have left on my card
how much can i still spend on my credit card
what's my credit card balance
cc balance
card balance?
what do i owe on the credit card right now
what's my statement balance
do i have enough in checking to cover $300
do i have enough money for rent this month
how much is left in my account
how much i got
how broke am i rn 😅
am i in the negative
am i overdrawn?
is my checking account negative right now
what's my savings at
how much have i saved up so far
I'd like to know my account balance please
Could you let me know how much is in my savings account?
Hi, can I get my balance?
hey what's my bal
balnce
chekcing balance
savngs balance?
whats my balence
blance pls
how much money in my acct
acct balance
checking acct bal
sav bal
what's the balance on my savings
how much do i have to spend till friday
how much till payday
how much money do I have left this month
what's left in checking now that rent cleared
is my balance above $500
give me my balance
tell me my balance
quick balance check
balance inquiry
check my balance
check my savings balance
check my checking balance lol
how much in savings
how much in checking
what do i have in savings and checking
I need to know what's in my checking account before I go shopping
before i pay rent how much do i have
money left?
funds available?
what are my available funds
current balance
current bal pls
what's my current balance on the credit card
how much is on my credit card
how much debt is on my card right now
what's the payoff amount on my card
what's the remaining balance on my credit card
how much do I still owe
how much is outstanding on my card
how close am i to my credit limit
how much room do i have left on my card
am i near my limit
what is my balance as of today
balance as of right now
what's my balance looking like
what's the damage on my credit card 😬
what does my savings look like
yo how much money i got
can u tell me my bal
can u check my balance real quick
real quick whats my checking at
what's checking at
what's savings sitting at
how much is sitting in savings
how much is in my emergency fund
what's the balance on my vacation savings
how much do i have in my joint account
balance on acct ending 4421
what's the balance on the account ending in 0937
savings account balance
checking account balance
credit card balance
show me how much money I have
display my balance
I want to see my balance
i wanna know my balance
need my balance
need to know my checking balance asap
pls tell me how much i have
how much money is in my pennant account
how much do i have in the bank rn
whats in the bank
Do I have any money left?
is there any money in my checking
did i hit zero yet
how low is my checking
how much can i spend today
how much can I spend without going negative
what's my spendable balance
safe to spend amount?
how much do i have before i overdraft
what's my available vs pending balance
my balance please
balance please 🙏
bal pls
bal rn?
whats my bal in checkin
how much do i have in my savings acount
how much do i owe on my pennant card
what's my card balance at right now
what's the total i owe
what's the balance on everything
can you pull up my balances
pull up my checking balance
show savings balance
show card balance
what's my balance after the rent payment
hey pennant how much money do i have
Good morning, could you tell me my current balance?
Would you mind checking how much I have in savings?
I was wondering how much is in my checking account right now
Can I see what my balances are across all accounts
is my savings over 10k yet
did my savings hit 5k
how far from 1k am i in checking
how much money do i have in total between checking and savings
what's my combined balance
total balance
overall balance across accounts
how much have i got available on credit
what's my available to spend
how much do i have left to spend this week
whats left for the month
how much till i'm broke lol
am i broke
am i good on money till friday
whats my balanc
balace please
chcking bal
ballance on my card
how much do I ow on my credit card
wat's my balance
wats in my savings
hw much money do i have
bal check pls thx
need bal for checking and savings
How much money is currently available in my checking account?
Please display my current account balances.
What is the outstanding balance on my Pennant credit card?
Could you check whether I have at least $200 in checking?
do i have 50 bucks in checking
do i have over 1.2k in savings
Is there at least $1,000 in my savings?
how much is in there right now
current balance on all accounts please
money check
how much money i got left
how much $$ do i have
how much do i have in my account ending 2210
can i afford a $60 dinner tonight or am i too low
after everything clears how much will i have
what's my ledger balance
what's the balance of my high yield savings
how much is in my kids savings account
how much do we have in the joint checking
I just want my balance, nothing else
balance for savings only please
what's the current balance, ballpark is fine
do I have enough to cover my card payment
how much is my card balance compared to my limit
credit used vs credit available?
what's my credit line at right now
remaining credit?
how much of my limit have i used
""")

HAND["transactions"] = lines("""
show my last 5 transactions
how much did i spend on groceries last month
did my paycheck come in
what did i buy at target
may i see my recent transactions
spending since the 3rd
recent transactions
show recent txns
last 10 transactions pls
what did i spend yesterday
what did i spend at starbucks this month
how much have i spent on uber this year
how much did i spend eating out in october
show me everything i bought last week
list my purchases from amazon
did my direct deposit hit
has my paycheck landed yet
did i get paid today
when did my last deposit come in
show deposits this month
show me all deposits since the 1st
what went out of checking this week
what came out of my account yesterday
show my card transactions
credit card transactions from last month
what's the last thing i bought
what was my last purchase
how much did i spend on gas last month
total spending this month
total spent on food in the last 3 months
how much have i spent so far this year
spending breakdown for september
how much did i spend on amazon last year
show transactions over $100
any charges over 50 bucks this week?
did netflix charge me this month
did spotify take money out yet
did my rent payment go out
how much did i spend at whole foods since the 3rd
how much did i drop at the bar last weekend 🍻
what did i spend on doordash in may
how much do i spend on coffee a month
txn history
transaction history
show transaction history for savings
show me savings activity
account activity
recent activity on checking
what's the recent activity on my card
show purchases from 7/1 to 7/15
transactions between june 3 and june 10
what did i pay at the dentist
how much did i pay the landlord last month
did the money from alex come in
did jess pay me back yet
did i get the $200 from my dad
has my tax refund been deposited
has the IRS refund shown up
did my unemployment deposit post
what did i spend at costco last time
when was the last time i went to chipotle lol
how many times did i order uber eats this month
show all transactions at target
list my subscription charges from this month
show me my atm withdrawals this month
how much cash did i take out last week
did the refund from best buy post yet
how much got deposited this month
total deposits for the year
total income deposited in march
biggest purchase this month
what was my biggest expense last month
where did all my money go this week 😩
what have i been spending money on lately
break down my spending by category
show my spending by category for last month
which categories did i spend the most on
how much on restaurants this month
how much did i spend on entertainment in april
how much did i spend on travel this year
transactions from yesterday
yesterdays transactions
todays transactions
show pending transactions
any pending charges?
what's pending on my card
show me the charge from walmart
show me the last 3 deposits
last deposit?
how much was my last paycheck
how much was my electric bill last month
what did i pay comcast in august
show me what i paid for insurance this year
did my car payment go out this month
show me every transfer i made to sam
how much have i sent to my mom this year
what did i send jordan last week
list transfers to savings this month
how much did i move into savings last month
trasactions pls
show my recnt transactions
transactons from last week
how much did i spnd on grocerys
what did i by at walmart
spendng this month?
lst 5 txns
How much did I spend at restaurants in the past 30 days?
Can you show me all my transactions from last Tuesday?
I'd like to see my spending for the month of February.
Please list every purchase I made at Target in 2024.
I was wondering if you could show me what I spent on gas this quarter
would it be possible to see my deposits from last month
could u show me my last few card swipes
what did i spend over the weekend
weekend spending?
how much did christmas shopping cost me in december
show me all my amazon orders charges since the 1st
how much did i tip on uber rides this month
total for lyft rides last month
what did i spend at trader joe's this week
did my venmo cashout hit checking
did the deposit from my side gig show up
has my stimulus check arrived
show me incoming payments
show me outgoing payments this week
what money came in yesterday
money in vs money out this month
how much did i earn vs spend in june
what's my average monthly spending
how much do i spend on groceries on average
spending trends last 3 months
compare my spending this month to last month
am i spending more than last month
show me recurring charges
what subscriptions am i paying for
how much do i spend on subscriptions per month
show me any charges from apple
did apple charge me twice
how much did the gym charge me
what did i spend on my trip to denver
show transactions on my card ending 8812
show checking transactions since monday
every purchase over $20 this week pls
anything over a hundred bucks lately?
what did i spend at the airport
list my gas station purchases
how much did i spend on amazon prime day
how much did i spend on clothes this year
what have i spent on my dog this year 🐶
vet bills total this year
how much did i spend at starbucks since january
how much coffee have i bought this month ☕
my spending at mcdonalds last month
all charges from chick fil a
show me the transaction from yesterday at shell
what was the amount of my last deposit
how much was the payroll deposit on friday
did my employer deposit my check
did i get my paycheck from acme yet
is my paycheck in
paycheck in yet?
has payday hit
show transactions
show me transactions
transactions please
pull up my statement activity for may
transaction list for last month
let me see my recent txns please
what did i spend in total last week
weekly spending summary
monthly spending summary for july
how much did i spend this year so far
ytd spending
spent ytd on dining?
How much have I spent on Uber Eats since the 3rd?
""")

HAND["transfer"] = lines("""
send my mom $200 now please
hey, send dad forty bucks
i need to pay my roommate back for utilities, 62.40
send 100 to savings and 50 to my sister
move my paycheck into savings, all of it
transfer 1,000 dollars to checking
move $700 from my high yield savings to checking
send 30 bucks to my bro
send my bff $25 for the concert
pay my friend lisa 45 for the uber
transfer $60 to kim please
send money to grandpa, $150
i'd like to send some money to my mom, maybe 100
could you send my daughter her allowance, $20
send my son 40 for gas
pay my neighbor 30 for mowing the lawn
send maya $18.50
send $200 to omar for the trip
shoot 50 over to andre
move 80 to savings before i spend it lol
stash 200 in savings
park 1k in savings
throw 100 into savings
sweep $500 from checking into savings
send 25 to my coworker for the gift
chip in 20 for the office gift, send it to hannah
transfer 300 to ethan
send my wife 500 for the car repair
move 2 grand into checking
i want to send 75 dollars to my friend jake
please move 45 dollars from savings to checking
transfer 10 to my kid's account
send money to my brother right now
send my cousin ninety bucks
pay carlos the 35 i owe him
send rachel sixty for her half of the airbnb
can you shoot my mom 40
move 150 over to checking for me
i need to move 600 into my checking to cover rent
transfer four hundred fifty from savings
send $40 to sam
move 200 from savings to checking
pay jordan back 25 bucks
transfer money
i need to send my mom some cash
send money
send money to a friend
transfer $500 to savings
move 1k into savings
put 300 in savings
shift $50 from checking to savings
take 100 out of savings and put it in checking
transfer forty dollars to my checking
send alex 20
send 20 to alex
pay my roommate $450 for rent
send priya 32.50 for dinner
i owe marcus 15, send it to him
can you send my sister 100 dollars
I'd like to transfer $250 from checking to savings please
could you move twelve fifty to savings
move $1,200.50 from savings into checking
xfer 300 to savings
trnsfer 50 to checking
trasnfer money to my son
send money to my daughter for books
give my brother 75 bucks
pay back kevin 30
pay emma 18 for the movie tickets
reimburse dana $64
move everything from savings to checking
empty my savings into checking
transfer all but 100 from checking to savings
top up my checking from savings with 200
i need to get 500 over to my dad today
send grandma $50 for her birthday 🎂
wire $2,000 to my brother
send rent money to my landlord, 1450
move some money to savings
move money between my accounts
transfer between accounts
i want to transfer funds
i want to send money to someone
please send 25 dollars to chris
can u send mike 40
shoot tyler 20 bucks
throw 10 at jen for coffee
spot my cousin 100
send 2.5k to savings
move 2k from checking into my vacation fund
put $75 into the emergency fund
send $35 to maria rodriguez
pay my babysitter 80
send the dog walker $60
pay the cleaner 120
can i zelle my brother 100
send my landlord the rent, $1,850
send $15 to taylor for lunch
send nina half of the uber, like 12 bucks
venmo ben 30
transfer 50 bucks to my wife
send my husband 200
send money to my girlfriend
send my boyfriend 45
give my kid 20 for the weekend
send $10 to my nephew
pay coach dave 60 for soccer
pay the tutor 90
send 300 to my savings
move 5 hundred to savings
put fifty bucks in savings
move $25 to checking
i wanna move money from savings to checking
transfer from savings please
transfer to checking
transfer to savings
transfer $1000 from my savings account to my checking account
Please transfer two hundred dollars from checking to savings.
Could you send $80 to Olivia?
I'd like to send my father $300 today.
I was wondering if you could move $400 into my savings for me
would you be able to send 60 to my roommate
hey can you send jake 40 real quick
yo send chris 20
send 20 to mom
send dad $100 pls
send money to my mom
sned 50 to sam
send 40 to sma
tranfer 100 to savings
transfr 200 to checkin
move 300 from savigns to checking
trasfer $60 to jess
send $5 to lily for the bake sale
pay alex back for the concert tickets, $85
i owe sarah 40 for groceries, send it
square up with tom, 27.50
send kyle the 60 i owe him
pay my share of dinner to anna, $38
settle up with rachel 22
send money to john smith
send $1,500 to my brother mike
move $3k to savings
put 10% of my checking into savings
move the rest of my checking to savings
transfer whatever's in savings over 500 to checking
move money to my joint account
transfer 250 into our joint account
send 100 to my joint checking
fund my savings with 200 from checking
deposit 150 into savings from checking
move $20 into my holiday fund
transfer 60 to the vacation pot
send money abroad to my cousin — 200 bucks
send $200 to my aunt in texas
pay my friend back
pay back my friend 50
send money now
transfer now
i need to transfer money asap
urgent: send 300 to my mom
send $45 to @dana
send 30 to 555-0134
send 25 to jordan.lee@email.com
send 75 to the number ending 8891
move 1.5k into checking so rent clears
cover my checking with 200 from savings
pull 300 from savings into checking
grab 100 from savings and put it in checking
transfer savings to checking, $350
can you move 80 dollars over to savings for me
could u transfer 1k to my sister
send eighty bucks to my sister
send forty to luis
send a hundred to mom
send a hundred and fifty to dad
transfer seven hundred to savings
move twelve hundred to checking
send 2 grand to my dad
put 5k in savings
send my mom 50 for groceries please
pay the babysitter for tonight, $70
pay my hairdresser 65
send $12 to amy for the pizza 🍕
i'd like to make a transfer
make a transfer please
new transfer
start a transfer
initiate a transfer of $500 to savings
execute a transfer to checking for 250
please move 100 from my credit card rewards into savings
""")

HAND["bill_payment"] = lines("""
pay my electric bill
pay comcast 89.99 on friday
can you pay the water bill
pay verizon
pay my phone bill
pay the gas bill tomorrow
pay pg&e $143.20
pay xfinity on the 15th
pay my internet bill
pay geico
pay my car insurance
pay state farm 112 on monday
pay my amex bill
pay 500 on my chase card
pay the minimum on my capital one card
pay my discover statement balance
pay my student loan
pay navient 250
pay sallie mae on the 1st
pay my mortgage
pay rocket mortgage 1,980 on the 1st
pay the car note
pay toyota financial 389
pay spectrum
pay at&t 85 bucks
pay t-mobile on the 1st
pay duke energy
pay con edison
pay the sewer bill
pay the trash bill
pay my hoa dues
pay the hospital bill
pay my doctor's bill
pay my credit card bill
make a payment on my pennant credit card
pay the full balance on my pennant card
schedule a payment to allstate for next friday
set up a payment for my water bill on the 20th
pay the electric bill on the 3rd
pay all my bills due this week
pay the bills
i need to pay a bill
bill pay
pay bill
make a bill payment
can i pay my utility bill here
pay my cable bill
pay dish network
pay directv 109.99
pay my progressive insurance
pay lemonade renters insurance
pay my renters insurance
pay my health insurance premium
pay blue cross 312
pay kaiser
pay the dentist bill
pay my lab corp bill
pay the ambulance bill 😫
pay my gym membership bill
pay my storage unit bill
pay public storage 140
pay the water company
pay national grid
pay southern california edison
pay sce 96.40
pay pge
pay xcel energy on the 10th
pay dominion energy
pay georgia power
pay fpl $132
pay my power bill
pay the light bill
pay my lights
pay the gas company
pay socalgas
pay my phone
pay the cell bill
pay my cricket bill
pay boost mobile 45
pay mint mobile
pay visible 25
pay the wifi bill
pay the internet
pay cox communications
pay frontier internet
pay my att fiber bill
pay google fiber 70
pay my citi card
pay 300 on my wells fargo credit card
pay my bank of america card off
pay barclays
pay synchrony 75
pay my target redcard
pay my amazon store card
pay my best buy card
pay my student loans, nelnet 210
pay mohela
pay great lakes loan
pay my car loan
pay ally auto
pay honda financial services 412 on the 5th
pay my mortgage on the first
pay mr cooper
pay wells fargo home mortgage
pay my property tax bill
pay my city utilities
pay the parking ticket
pay my traffic ticket
pay the toll bill
pay ez pass
pay my sunpass balance
pay the daycare bill
pay tuition
pay the school lunch account $40
pay my electrc bill
pay the watr bill
pay my phnoe bill
pay comcats
pay verison 80
pay my insurence
pay my morgage
pay the eletric bill friday
pay bil
bill paymnet
Please pay my Verizon bill of $92.18.
Could you pay my electric bill tomorrow?
I'd like to pay my Comcast bill on the 12th.
I was wondering if you could take care of my water bill for me
would you pay the gas bill before it's late
can u pay my phone bill rn
can you pay xfinity for me
hey pay my at&t bill pls
yo pay the light bill
pay geico 127.50 on the 28th
pay state farm tomorrow
pay the insurance bill next week
pay the electricity bill next monday
pay my water bill this friday
schedule my comcast payment for the 15th
schedule the mortgage payment for june 1
schedule a bill payment
set up a one time payment to verizon
make a one-time payment to duke energy for $88
pay my electric bill in full
pay the full amount on my phone bill
pay what i owe on my gas bill
pay the balance on my water bill
pay the minimum due on my amex
pay my credit card minimum
pay off my discover card
pay off my car loan
pay down my chase card by 400
pay my bills for the month
pay everything that's due
pay all my utilities
pay all my utility bills on friday
pay rent through bill pay to greystar
pay my rent bill to the property management company
pay my apartment portal bill, avalon
pay the landlord's management company 1,650
pay the plumber's invoice through bill pay
pay the hvac company bill
pay my lawn service bill
pay the pest control bill
pay terminix 65
pay my alarm company, adt
pay adt 49.99
pay my security system bill
pay the netflix bill
pay hulu
pay the electric company seventy five
pay the water bill eighty bucks
pay comcast a hundred and ten
pay pge one forty three twenty
i'd like to pay a bill please
I need to pay my cable bill today
it's time to pay the phone bill, can you do it
my electric bill is due, pay it please
water bill is due friday, pay it then
gas bill's due, can you handle it
insurance is due on the 3rd, pay it that day
please take care of my verizon bill
cover my comcast bill
send payment to verizon
send a payment to duke energy
send $90 to xfinity for my bill
submit payment for my at&t bill
pay biller comcast
pay my saved biller pg&e
""")

HAND["human_handoff"] = lines("""
i want a human not a machine
real person, please. this is important
can i please just talk to a human 🙏
connect me to someone at the bank
i'd like to talk to an employee
can i speak with an actual employee
put a human on
is there a live chat with a real agent
i need live support
live support please
live chat agent
human support
person to person chat please
i want to call you guys
can i call pennant
what's pennant's phone number so i can talk to someone
give me a number to call
i need to call customer service
call customer service
dial an agent for me
how do i speak with someone on the phone
can i talk to someone on the phone about my card
I need a representative to help with a dispute
a bot can't fix this, i need a person
this is too complicated for a bot, can i talk to someone
you can't help me with this, get me a real agent
i don't trust a bot with this, human please
i want to talk to whoever is in charge
get me your manager
supervisor now
can someone from the support team message me
have support reach out to me
please get a human to look at my case
i need a human to review this
send me to a human
route me to an agent
forward me to a representative
redirect me to customer service
switch me to a live person
switch to human
talk to a human
agent
representative
real person please
i want to speak to someone
connect me to customer service
can i call someone
what number do i call to talk to a person
this bot is useless, get me a person
you're not helping, transfer me to an agent
live agent
operator
speak to a manager
escalate this
i need a real human being
human pls
HUMAN
can someone call me back
request a callback
put me through to support
i'd rather talk to a person
is there anyone real i can talk to
get me a rep
customer service rep
talk to an actual person
agent agent agent
representative!!!
ugh just let me talk to somebody
you don't understand, i need a person
stop, connect me to a live agent
can I get a human on the line
human agent please
let me speak to a real person
I want to talk to a human being, not a bot
this is useless, i want a human
you're a waste of time, get me someone real
can i chat with a live person
connect me with a live representative
transfer me to a real person
transfer to agent
transfer me to customer support
put me through to a human
give me a human
need human help
i need to talk to someone about my account
i need to speak with someone now
can i talk to someone at pennant
can i speak to someone in person
who can i call
phone number for customer service?
what's the customer support number
how do i reach a real person
how do i get a human
is there a person i can talk to
do you have real people
can a person help me instead
let me talk to your supervisor
speak to supervisor
manager please
i want to file a complaint with a person
escalate to a human
escalate to a supervisor
escalate my issue to someone
i want a callback
call me please
please have someone call me
have an agent call me at 555-0192
can you get someone to phone me
can i schedule a call with support
can i get on a call with someone
i'd like to speak to a banker
can i talk to a banker
connect me to the fraud team
i need to speak to the fraud department
put me through to the card team
speak to someone in disputes
i need a real agent for this
agent please
representative please
rep pls
real human
actual human please
live human
human being
person
a person please
talk to person
speak to human
spk to agent
talk to agnet
representitive
reprsentative pls
humna please
talk to a humen
custmer service
cust service agent
connect to agnt
you're not understanding me, can i talk to someone
this isn't working, human please
bot is broken, get me an agent
you keep giving me the wrong answer, i want a person
i've asked three times, just connect me to support
i'm so frustrated, let me talk to a human
omg just give me a real person 😤
useless bot. human.
I would like to speak with a customer service representative, please.
Could you please connect me with a member of your support team?
Is it possible to speak with a live agent?
I'd prefer to discuss this with a person if that's okay
Would it be possible to have someone call me back this afternoon?
hi, i need to talk to a real person about a problem
hey can i get a rep on the phone
yo get me a real person
can i talk to a human instead of a bot
no more bot, human please
not you, a human
i don't want to talk to a robot
stop the bot and get me a person
end bot, start human
chat with support agent
open a ticket with a human
i want to talk to someone who can actually help
is there a human available right now
are any agents available
how long until i can talk to an agent
get me in the queue for an agent
add me to the queue for a representative
i'll wait for a human
can i get a real customer service person please
customer care
i need customer care
contact support
contact a person
i want to contact a representative
reach an agent
can you hand me off to a human
hand me over to a person
pass me to someone who can help
please escalate
escalate
""")

HAND["greeting"] = lines("""
hi
hey there
good morning
yo
hello
hey
hiya
howdy
sup
what's up
whats up
hey pennant
hi pennant
hello pennant
good afternoon
good evening
morning
evening
hey hey
hellooo
heyyy
hi!
hello?
hello? anyone there?
hey bot
greetings
hola
hi how are you
hey how's it going
good morning pennant
hello there
hey 👋
👋
hi hi
yo pennant
hi again
hey it's me again
hey there!
heya
hallo
helo
hii
hiiii
sup pennant
morning!
gm
good day
hi team
hello hello
hey hi
hi there
hi there pennant
hey yall
hey y'all
hey you
hello friend
hi friend
hey buddy
hi bot
hello bot
hello chatbot
hey assistant
hi assistant
good morning!
good afternoon!
good evening!
goood morning
good mornin
mornin
afternoon
top of the morning
hey, good morning
hi, good afternoon
hello, good evening
hey how are you
hi how are you doing
hello how are you today
how are you
how are you doing
how's it going
how you doing
how ya doin
what's good
whats good pennant
wassup
wsg
sup bot
yo yo
yoo
yooo
ayo
ay
hey!
hi.
hello!
hello.
hi :)
hey :)
hello :)
hi 😊
hey 🙂
hello 👋
hi 👋
hiii 👋
hey there 👋
hi pennant 👋
hello, is this pennant?
hi is this the pennant assistant
hey is anyone here
hi anybody there
hello, hello
hi i'm back
hey again
hello again
hi again pennant
hey, it's sarah
hi this is mike
hello my name is carlos
hi, this is jenny here
hey it's me
hi, new here
first time here, hi
hello from a new customer
hey, just opened the app
hi there, hope you're well
hello, hope you're doing well
hi hope your day is going well
good morning, hope all is well
hey good to see you
nice to meet you
pleased to meet you
hey there friend
good evening pennant
good afternoon pennant
greetings pennant
salutations
hey hey hey
hi hi hi
heyy
heyyyy
helloooo
hellooooo
hullo
hai
hay
hye
heloo
hlo
hellow
gud morning
gd morning
goodmorning
good moring
good afternnon
good evning
gm pennant
gm gm
good morning to you
morning pennant
evening pennant
happy friday!
happy monday
happy new year!
merry christmas
hey happy friday
g'day
aloha
bonjour
buenos dias
hey, quick hello
just saying hi
hi, just checking in
""")

HAND["thanks"] = lines("""
thanks!
ty
great, appreciate it
perfect thank you
thanks
thank you
thank you!
thank you so much
thanks so much
thanks a lot
thanks a ton
thanks a bunch
thanks a million
many thanks
much appreciated
appreciate it
i appreciate it
i appreciate that
appreciate you
appreciate the help
thanks for the help
thank you for your help
thanks for helping
thanks for your help!
thank you very much
thank you kindly
thanks kindly
thx
thnx
thanx
tnx
tysm
tyvm
ty!
ty ty
tyy
thank u
thank u so much
thanks u
thankyou
thankyouu
thnaks
thansk
thnak you
thank yuo
thakns
thanls
thaks
tanks
thankss
thaaanks
thanksss
cheers
cheers mate
cheers, thanks
awesome thanks
awesome, thank you!
ok thanks
okay thank you
ok ty
k thanks
k thx
got it thanks
got it, thank you
cool ty
cool thanks
cool, thank you
that helps
that helped, thanks
that's helpful
that's really helpful, thanks
very helpful
super helpful, thanks!
nice one
nice, thanks
you're the best
you're a lifesaver
lifesaver, thanks
thanks, that's perfect
perfect, thanks
perfect
great
great thanks
great, thank you!
great thx
wonderful, thank you
excellent, thanks
fantastic, thanks so much
amazing thank you
amazing, ty
sweet thanks
sweet
sounds good, thanks
sounds good
ok sounds good
gotcha, thanks
gotcha thx
got it
understood, thanks
makes sense, thanks
makes sense
ok cool
okay cool thanks
alright thanks
alright, thank you
aight thanks
bet, thanks
bet
word, thanks
thanks pennant
thank you pennant
thanks bot
ty pennant
thanks for that
thanks for checking
thanks for looking into it
thanks for the quick reply
thanks for the info
thanks for the information
thank you for the update
thanks for letting me know
thanks for clearing that up
thanks for your patience
thank you for your time
thanks, you've been very helpful
thank you, that's exactly what i needed
thats exactly what i needed thanks
that's all i needed to know, thanks
thanks that answers my question
that answers it, ty
that works, thanks
that works
works for me, thanks
good stuff, thanks
love it, thanks
nice, appreciate it
ok great appreciate it
really appreciate it
really appreciate your help
i really appreciate it, thank you
so helpful, thank you
you rock
you rock, thanks
you're awesome
you're amazing
good bot
good job
well done, thanks
thanks 🙏
thank you 🙏
🙏
👍
thanks 👍
ty 👍
thanks 😊
thank you 😊
thanks!! 🙌
🙌 thanks
ok 👍
perfect 👌
👌
thank you thank you
thanks again
thanks again!
thank you again
thanks once again
ty again
appreciated
much obliged
obliged
grateful, thanks
i'm grateful
thank you for being so quick
wow thanks
wow, that was fast, thank you
oh nice, thanks
oh perfect, thank you
ah ok thanks
ahh got it ty
ok great
okay great, thanks
great stuff
brilliant, thanks
lovely, thank you
""")

HAND["goodbye"] = lines("""
that's it, thanks pennant, bye
ok i'm done here, see ya
great, i'm all set. goodbye!
bye, you were helpful
nothing more, bye
that's all i had, take care
ok that's it for today, have a good night
im out ✌️
i'm off, bye
later pennant
bye
that's all
im done thanks bye
goodbye
good bye
bye bye
byebye
byee
byeee
bye!
bye for now
see ya
see you
see you later
see you soon
later
laters
later!
cya
cya later
ttyl
talk to you later
talk later
catch you later
that's it for now
that's all for now
that's all for today
thats all
that's everything
no that's everything
nothing else
nothing else thanks
no nothing else
no, that's all
nope that's it
nope, all good
no that's it thanks bye
all set, bye
all set thanks
i'm all set
im good bye
i'm good, bye
have a good one
have a good day
have a great day
have a nice day
have a good night
good night
goodnight
night
nite
gnight
peace
peace out
peace ✌️
✌️
signing off
logging off
end chat
close chat
end the chat
end conversation
exit
quit
stop chat
done
i'm done
im done
we're done here
we're done
that'll be all
that will be all
no more questions
no further questions
that's all i needed
that's all i needed, bye
that's all i need
all done
all done, thanks
done for now
done, thanks
ok bye
okay bye
ok bye thanks
ok thanks bye
thanks bye
thanks, bye!
thank you, goodbye
thank you bye
thx bye
ty bye
bye thanks
bye, thank you
bye pennant
goodbye pennant
bye bot
bye for today
see you next time
until next time
till next time
take care
take care, bye
farewell
adios
ciao
au revoir
toodles
ta ta
ta-ta for now
ttfn
gotta go
gotta go, bye
gtg
g2g
i have to go
i need to go now
i gotta run
gotta run
running now, bye
i'm heading out
heading out, thanks
i'll let you go
i'll leave it there
leave it there for now
i think that's it
i think that's everything
i think i'm good now, bye
no i'm good
nah i'm good, bye
nah that's it
no thank you, that's all
no thanks, that's all for today
not right now, bye
maybe later, bye
i'll come back later
i'll check back later
i'll be back later
talk soon
speak soon
chat later
chat soon
bye now
bye, have a good one
later gator
see ya later alligator
byeeee 👋
bye 👋
👋 bye
good bye and thank you
goodbye and thanks for the help
thanks for everything, bye
appreciate it, bye
cheers, bye
cheers mate, see ya
ok that's all, thanks
great, that's all i needed
perfect, that's it for today
awesome that's all, bye
cool, done
we're all good here, bye
all good, signing off
you can close this chat
please end this chat
close this conversation
end session
close the chat pls
""")

HAND["bot_capabilities"] = lines("""
what can you do
are you a real person
help
menu
options
what do you do
how does this work
how do i use this
what can i ask you
are you a bot
am i talking to a robot
is this ai
are you chatgpt
what are you
who am i talking to
show menu
main menu
help me
i need help
what are my options
what features do you have
what's this chat for
what is this chat for
how do i talk to you
what should i type
examples please
give me some examples of what i can ask
what questions can you answer
what are you capable of
can you speak spanish
do you speak spanish
are you human
is this a real person or automated
are you a live agent
is this an automated chat
are you a computer
are you real
r u a bot
r u real
u a bot?
is this a bot
is this a person
am i chatting with a human
am i talking to a real person
is anyone actually reading this
who is this
what's your name
who are you
what is pennant assistant
what kind of bot are you
are you ai or a human
are you an ai
is this chatgpt
which ai model are you
what can this bot do
what can the bot help with
what can you help me with
what can u do
wat can you do
waht can you do
what can you help with
what do you help with
what kinds of things can you do
what things can i ask
what stuff can you do
what are your features
list your features
list commands
commands
command list
help menu
/help
?
??
help pls
help please
i need some help
can you help me
can you help
can u help
how can you help me
how can you help
how do you work
how does this chat work
how does the assistant work
how do i use the chat
how do i use the assistant
how do i ask you something
what do i say
what do i type
what do i do here
where do i start
how do i get started
getting started
tutorial
how to use
instructions
show me what you can do
show me the options
give me the menu
show options
show commands
what are the commands
what can i type here
what topics do you cover
what topics can you help with
what are you for
what's your purpose
why are you here
what is your job
can you do transfers?
are you able to pay bills?
can you show me transactions or just balances?
do you handle bill pay?
can you check balances
can you look at my account
do you have access to my account
can you see my account info
can you move money or not
what banking stuff can you do
can you answer questions about my account
what can i do in this chat
what services do you offer in chat
is this the help section
is this customer support
is this chat support or a bot
are you a chatbot
ur a bot right
you're a bot aren't you
you're not a real person are you
is there a human behind this
are you a person or a program
are you automated
how smart are you
do you understand me
do you understand natural language
can i just type normally
do i need to use special words
can you understand typos
can you remember what i said before
do you learn from our chats
are you listening
what languages do you speak
can i talk to you in spanish
hablas español
how do i see what you can do
what's possible here
capabilities
features
options menu
more options
other options
what else can you do
anything else you can do
what else can you help with
what other things do you do
can you do anything else
how do you help customers
what's this bot
hey what is this
what is this thing
what am i supposed to do here
help me out here, what can you do
i'm confused how this works
not sure how to use this
first time using this, what can you do
new here, how does this work
how does pennant chat work
""")

HAND["advice"] = lines("""
should I buy tesla stock
is bitcoin a good investment
how do I file my taxes
can I deduct my home office
should I pay off my credit card or invest
is it legal to record a phone call without telling the other person
what's a good retirement plan for me
roth or traditional ira?
should i invest in index funds
how much should i save for retirement
is now a good time to buy a house
should i refinance my mortgage
what stocks should i buy
should i sell my nvidia shares
is gold a good hedge against inflation
should i put my savings in ethereum
how big should my emergency fund be
should i lease or buy a car
can i claim my kid as a dependent
do i have to pay taxes on venmo payments
can my landlord keep my security deposit
do i need a lawyer for a small claims case
how do i write a will
should i consolidate my debt
avalanche or snowball method for paying off debt?
how should i budget my salary
is the 50/30/20 rule good for me
is a cd better than a high yield savings account for me
should i max out my 401k
how much house can i afford
what's the best way to invest 10k
should i do a backdoor roth
how do capital gains taxes work
when are taxes due this year
can i write off my car for work
should i form an llc or stay a sole proprietor
is it legal to have two full time jobs
should i declare bankruptcy
how can i improve my credit score fast
should i cosign a loan for my brother
is it smart to take out a 401k loan
should i buy bonds right now
what's the best etf to buy
is the stock market going to crash
should i buy the dip
is real estate a better investment than stocks
should i invest in crypto
is dogecoin going to go up
should i buy apple or microsoft
what should i do with my bonus
should i pay off my student loans early
should i use my savings to pay off my car
should i put money in a hsa
how much should i contribute to my 401k
what's a good asset allocation for a 30 year old
should i hire a financial advisor
is it worth paying for a financial planner
how do i start investing with little money
best investments for beginners
where should i invest my emergency fund
is a roth ira worth it
can i contribute to a roth ira if i make 150k
what's the roth income limit
how do i do my taxes as a freelancer
do i need to file quarterly taxes
can i deduct my student loan interest
is my side hustle income taxable
how do i report crypto on my taxes
should i take the standard deduction or itemize
how much will i get back on my tax refund
can i file my taxes for free
what tax bracket am i in
how do i lower my tax bill
should i get married for tax reasons lol
is it legal to break my lease early
can my employer withhold my last paycheck
is it legal to not pay a debt collector
what happens if i don't pay a medical bill legally
can i sue my contractor
is it legal to sublet my apartment
do i need a prenup
how do i set up a trust for my kids
should i buy life insurance
term or whole life insurance?
how much life insurance do i need
should i rent or buy
is it a good idea to buy a rental property
should i pay points on my mortgage
fixed or adjustable rate mortgage?
should i open a brokerage account
is robinhood safe to invest with
should i buy amazon stock before earnings
what do you think about palantir
is tesla overvalued
will interest rates go down
should i lock in a cd rate now
how should i invest for my kid's college
529 plan or savings account for my kids
how much should i have saved by 35
am i on track for retirement
when can i retire
can i retire at 55 with 800k
how do i plan for retirement if i'm self employed
sep ira vs solo 401k
should i roll over my old 401k
should i cash out my 401k to pay off debt
is it bad to withdraw from my ira early
should i buy an annuity
are reits a good investment
should i invest in ai stocks
is it smart to invest in penny stocks
should i day trade
options trading worth it?
should i short the market
what's the best crypto to buy right now
should i sell my bitcoin
should i buy gold or silver
how do i build wealth
how do i become a millionaire
how do i get out of debt
should i take a personal loan to pay off my cards
should i do a balance transfer
is it better to save or invest
how much of my paycheck should i save
should i keep cash or invest it
should i buy a new car or used
can i afford a $40k car on my salary
should i get a second credit card
how many credit cards should i have
is it bad to close a credit card
should i pay my card in full or just the minimum
does carrying a balance help my credit
is it legal to use someone else's credit card with permission
can i be sued for credit card debt
what's the statute of limitations on debt in texas
should i sell my house now
how do i invest in real estate with no money
is it worth buying a house in this market
should i invest my savings or keep it in the bank
shud i buy tesla
is bitcon a good investmnet
how do i file taxs
shoud i invest in index funds
best stoks to buy
shld i refinance
401k or roth ira?
ira vs 401k which is better for me
whats a good retirement plan
retirement advice please
tax advice please
investment advice
legal advice
give me some financial advice
I'd like some advice on investing my savings.
Could you recommend a good mutual fund?
What would you recommend I do with an extra $5,000?
I was wondering if I should start investing or keep saving
Do you think I should sell my stocks before the election?
Is it a good idea to invest in Vanguard's S&P 500 fund?
Can you help me figure out how much to put in my 401(k)?
How do I claim the home office deduction?
Am I allowed to deduct medical expenses?
""")

HAND["out_of_scope"] = lines("""
what's the weather
tell me a joke
write me a poem
who won the game
recipe for pancakes
help me with my python code
what's 17 times 23
what's the weather like tomorrow
will it rain today
is it going to snow this weekend
what's the temperature outside
tell me a funny joke
know any good jokes?
make me laugh
write a haiku about cats
write me a love poem
write a song about summer
write my essay for me
write a cover letter for me
who won the super bowl
who won the lakers game last night
what's the score of the yankees game
when does the world cup start
who's playing in the nba finals
how do i make lasagna
how long do i boil an egg
best chocolate chip cookie recipe
what should i make for dinner
how do i cook rice
why is my python script throwing a keyerror
fix my javascript
how do i reverse a string in java
what does this sql query do
how do i center a div
what's 15% of 80
what's the square root of 144
what is 12 plus 19
solve 2x + 5 = 15
convert 5 miles to km
how many ounces in a cup
what time is it
what time is it in tokyo
what's today's date
what day is it
who is the president
who was the first president of the united states
what's the capital of australia
how tall is mount everest
how far is the moon
who wrote pride and prejudice
what's the meaning of life
are aliens real
tell me a story
tell me a bedtime story
sing me a song
what's your favorite color
what's your favorite movie
do you like pizza
do you have feelings
do you dream
what's a good movie to watch tonight
recommend a tv show
what should i watch on netflix
recommend a good book
what's a good podcast
play some music
play taylor swift
what's the latest news
any news today
how do i get to the airport
directions to the nearest walmart
where's the closest gas station
best restaurants near me
find me a pizza place
book me a flight to miami
find me a hotel in chicago
what's the best time to visit japan
translate hello into french
how do you say thank you in japanese
what does ubiquitous mean
define serendipity
spell necessary
synonym for happy
how do i lose weight
how many calories in a banana
is coffee bad for you
what are symptoms of the flu
how do i get rid of a headache
how much water should i drink a day
how do i fix a leaky faucet
how do i change a tire
my wifi isn't working, how do i fix it
how do i reset my iphone
how do i take a screenshot on a mac
what's the best phone to buy
should i get a dog or a cat
how do i train my puppy
how often should i water succulents
what do cats eat
give me dating advice
how do i ask my crush out
write a birthday message for my mom
give me gift ideas for my dad
what should i name my goldfish
plan a birthday party for my kid
what's a fun thing to do this weekend
i'm bored
entertain me
let's play a game
let's play 20 questions
rock paper scissors
flip a coin
roll a dice
pick a number between 1 and 10
what's the answer to question 4 on my homework
help me with my math homework
explain photosynthesis
what caused world war 1
summarize hamlet
how does a car engine work
how do airplanes fly
why is the sky blue
how many planets are there
what's the speed of light
who is taylor swift dating
what's kim kardashian's net worth
how old is tom cruise
when is the next full moon
what's my horoscope today
what sign is compatible with leo
do you believe in god
what's the best pizza topping
is a hot dog a sandwich
would you rather fly or be invisible
knock knock
tell me a riddle
write me a limerick
compose a rap about my cat
draw me a picture
generate an image of a sunset
whats the wether in nyc
tel me a joke
who won the gme last night
recipie for banana bread
wats 9 times 8
how do i mak pancakes
i need a recipe for chicken soup
Can you recommend a good Italian restaurant nearby?
Could you write a short story about a dragon?
What's the best way to learn to play guitar?
How do I get better at chess?
What's the population of Canada?
Can you help me debug this C++ segfault?
Please write a SQL query that joins two tables.
Do you know what time the Super Bowl starts?
what's the traffic like on i-95
is the mall open today
what time does target close
how do i unclog a drain
order me an uber
order pizza for me
set an alarm for 7am
remind me to call mom
set a timer for 10 minutes
turn on the lights
text my wife i'll be late
call my mom
""")

# ---------------------------------------------------------------------------
# Pools for the generated part.
# ---------------------------------------------------------------------------

NAMES = ["sam", "jordan", "alex", "maria", "chris", "taylor", "priya", "marcus", "jess", "kevin",
         "emma", "luis", "olivia", "jake", "nina", "tyler", "dana", "ben", "rachel", "tom",
         "aisha", "diego", "mei", "omar", "hannah", "carlos", "zoe", "devon", "fatima", "ethan",
         "grace", "noah", "sofia", "malik", "lauren", "ryan", "keisha", "andre", "julia", "kim",
         "Sam", "Jordan", "Maria", "Chris", "Priya", "Marcus", "Olivia", "Luis", "Aisha", "Diego"]
PEOPLE = ["my mom", "my dad", "my sister", "my brother", "my landlord", "my roommate", "my wife",
          "my husband", "my son", "my daughter", "my grandma", "my cousin", "my aunt", "my uncle",
          "my babysitter", "my friend", "my girlfriend", "my boyfriend", "my neighbor", "my coworker",
          "mom", "dad", "the dog walker", "my partner", "my best friend", "my niece", "my nephew"]
AMOUNTS = ["$40", "40 bucks", "forty dollars", "1.2k", "$1,200.50", "twelve fifty", "$25", "25",
           "$7.50", "300 dollars", "$2k", "fifty bucks", "a hundred", "$100", "150.00", "$1,000",
           "eighty", "$60", "60 bucks", "$15", "20", "$20", "$35.75", "$250", "250", "500",
           "$500", "2 grand", "$85", "thirty", "$12.99", "75", "$450", "1k", "$3,000", "$18",
           "ninety bucks", "two hundred", "$45", "$1,500", "5k", "$999", "10 dollars", "$65.40",
           "sixty", "$220", "400", "$5"]
BILL_AMOUNTS = ["$89.99", "$143.20", "112", "$64.50", "85 bucks", "ninety two eighteen", "$210", "$1,980",
                "seventy five", "$45", "$120", "$389", "49.99", "$250", "300", "$96.40", "$1,450.00",
                "a hundred", "$75", "$132.07", "60", "$500", "the minimum", "the full balance",
                "the statement balance", "$35"]
BIG_AMOUNTS = ["$5k", "10k", "$20,000", "my bonus", "$500 a month", "50k", "2 grand", "$1,000",
               "my tax refund", "$300 a month", "my savings", "100k", "an extra $200 a month", "15k"]
OWN_FROM_TO = [("savings", "checking"), ("checking", "savings"), ("my savings", "my checking"),
               ("my checking", "my savings"), ("savings", "my joint account"),
               ("checking", "my emergency fund"), ("my vacation fund", "checking"),
               ("my savings account", "my checking account"), ("checking", "the travel pot"),
               ("my high yield savings", "checking")]
DEP = ["checking", "savings", "my checking", "my savings", "my checking account", "my savings account",
       "my joint account", "my emergency fund", "my vacation savings", "my high yield savings",
       "the joint checking", "my checking acct"]
DEP_BARE = ["checking", "savings", "joint checking", "emergency fund", "vacation savings",
            "high yield savings", "checking account", "savings account", "checking acct", "savings acct"]
CARD = ["my credit card", "my card", "my pennant card", "the credit card", "my pennant credit card",
        "the card", "my cc"]
MULTI = ["checking and savings", "all my accounts", "everything", "both accounts", "all accounts"]
BILLERS = ["comcast", "xfinity", "verizon", "at&t", "t-mobile", "pg&e", "con edison", "duke energy",
           "geico", "state farm", "progressive", "allstate", "spectrum", "cox", "amex", "my chase card",
           "capital one", "discover", "navient", "nelnet", "my mortgage", "the water company",
           "the electric company", "national grid", "dominion energy", "xcel", "fpl", "liberty mutual",
           "directv", "my student loan", "my car loan", "ally", "southern california edison",
           "Comcast", "Verizon", "AT&T", "Geico", "PG&E", "Duke Energy", "T-Mobile", "State Farm"]
BILLER_NAMES = [b for b in BILLERS if not b.startswith(("my ", "the "))]
BILL_KINDS = ["electric bill", "water bill", "gas bill", "phone bill", "internet bill", "cable bill",
              "car insurance", "renters insurance", "credit card bill", "student loan bill",
              "mortgage", "trash bill", "power bill", "wifi bill", "cell phone bill", "car payment",
              "light bill", "sewer bill", "home insurance", "utility bill"]
PAY_DATES = ["on friday", "tomorrow", "today", "on the 15th", "on the 1st", "next monday",
             "on the 3rd", "this friday", "on june 1", "on the 28th", "next week",
             "before the 20th", "on the due date", "on payday", "on 10/5", "this afternoon",
             "first thing monday", "on the 30th", "by thursday", "on the 12th"]
MERCHANTS = ["starbucks", "amazon", "whole foods", "uber", "target", "walmart", "costco", "doordash",
             "trader joe's", "chipotle", "lyft", "uber eats", "netflix", "spotify", "shell", "cvs",
             "walgreens", "home depot", "best buy", "apple", "mcdonalds", "chick-fil-a", "kroger",
             "safeway", "ikea", "sephora", "nike", "airbnb", "instacart", "grubhub", "Starbucks",
             "Amazon", "Whole Foods", "Target", "Uber", "Costco", "Trader Joe's"]
STORES = ["starbucks", "whole foods", "target", "walmart", "costco", "trader joe's", "chipotle", "shell",
          "cvs", "walgreens", "home depot", "best buy", "mcdonalds", "chick-fil-a", "kroger", "safeway",
          "ikea", "the gas station", "the liquor store", "Target", "Costco", "the mall", "taco bell"]
CATEGORIES = ["groceries", "gas", "eating out", "restaurants", "coffee", "takeout", "shopping",
              "entertainment", "travel", "subscriptions", "rideshare", "bars", "clothes", "utilities",
              "fast food", "food delivery", "household stuff", "gifts", "streaming", "pet stuff"]
PAST = ["yesterday", "last week", "in october", "since the 3rd", "in the last 3 months",
        "this year so far", "last month", "this month", "this week", "over the weekend",
        "since monday", "in the past 30 days", "since january", "in september", "last year",
        "in q2", "since payday", "between the 1st and the 15th", "the last two weeks", "today",
        "in 2024", "since my last paycheck", "in march", "last friday", "over the holidays"]


def amt():
    return random.choice(AMOUNTS)


def fill(template):
    ft = random.choice(OWN_FROM_TO)
    slots = {
        "name": random.choice(NAMES),
        "person": random.choice(PEOPLE),
        "who": random.choice(NAMES + PEOPLE),
        "amt": amt(),
        "bamt": random.choice(BILL_AMOUNTS),
        "src": ft[0],
        "dst": ft[1],
        "dep": random.choice(DEP),
        "bare": random.choice(DEP_BARE),
        "card": random.choice(CARD),
        "multi": random.choice(MULTI),
        "acct": random.choice(DEP + CARD),
        "biller": random.choice(BILLERS),
        "bname": random.choice(BILLER_NAMES),
        "bill": random.choice(BILL_KINDS),
        "date": random.choice(PAY_DATES),
        "merchant": random.choice(MERCHANTS),
        "store": random.choice(STORES),
        "cat": random.choice(CATEGORIES),
        "past": random.choice(PAST),
        "n": random.choice(["3", "5", "10", "20", "three", "five", "ten", "few"]),
    }
    return template.format(**slots)


TEMPLATES = {
    "balance": [
        "what's the balance on {dep}", "how much is in {dep}", "{bare} balance?",
        "how much do i have in {dep} rn", "can you check {dep} for me", "balance of {dep} pls",
        "whats my {bare} balance", "tell me what's in {dep}", "how much money is in {dep}",
        "do i have {amt} in {dep}", "is there {amt} in {dep}", "do i have at least {amt} in checking",
        "do i have enough to cover {amt}", "current balance for {dep}", "how much is available in {dep}",
        "show me my {bare} balance", "I'd like to check the balance on {dep}",
        "could you tell me the current balance of {dep}?", "what's left in {dep}",
        "quick q, what's in {dep}", "is my {bare} over {amt}", "can i afford {amt} right now",
        "how much do i owe on {card}", "what's the balance on {card}", "{card} balance pls",
        "what do i owe on {card} right now", "how much can i still spend on {card}",
        "available credit on {card}?", "how much credit is left on {card}", "balances for {multi}",
        "what's my total across {multi}", "show balances for {multi}",
    ],
    "transactions": [
        "how much did i spend at {merchant} {past}", "what did i spend on {cat} {past}",
        "show my {merchant} charges {past}", "list transactions {past}", "show me my transactions {past}",
        "total spending on {cat} {past}", "how much went to {cat} {past}", "what did i buy at {store} {past}",
        "show my last {n} transactions", "last {n} purchases on {acct}", "show me my spending {past}",
        "did {merchant} charge me {past}", "how much have i spent at {merchant} {past}",
        "show deposits {past}", "did {name} pay me back", "did the money from {name} come in",
        "show everything i spent at {merchant}", "how many times did i go to {store} {past}",
        "how much did i spend on {cat} {past}", "what came out of {dep} {past}", "transactions on {acct} {past}",
        "how much did i send {who} {past}", "what did i pay {bname} {past}",
        "Could you show me what I spent on {cat} {past}?", "spending at {merchant} {past}?",
        "show charges over {amt} {past}", "any {merchant} purchases {past}?", "{cat} spending {past}",
        "what did i spend at {store} {past}", "show me {acct} activity {past}",
    ],
    "transfer": [
        "send {amt} to {name}", "send {name} {amt}", "send {amt} to {person}", "send {person} {amt}",
        "move {amt} from {src} to {dst}", "transfer {amt} from {src} to {dst}", "put {amt} in {dst}",
        "pay {name} back {amt}", "pay {person} {amt}", "transfer {amt} to {name}", "give {person} {amt}",
        "can you send {amt} to {name}", "please send {name} {amt}", "i need to send {person} {amt}",
        "i want to move {amt} into {dst}", "shift {amt} over to {dst}", "xfer {amt} to {dst}",
        "could you transfer {amt} to {person} please", "I'd like to send {amt} to {name}",
        "send {name} {amt} for dinner", "pay {name} {amt} for the tickets", "send {who} some money",
        "move {amt} to {dst} now", "send {amt} to {person} asap", "transfer {amt} into {dst}",
        "take {amt} out of {src} and put it into {dst}",
    ],
    "bill_payment": [
        "pay {biller}", "pay {bname} {bamt}", "pay {biller} {date}", "pay {bname} {bamt} {date}",
        "pay my {bill}", "pay my {bill} {date}", "pay the {bill} {date}", "pay {bamt} on my {bill}",
        "can you pay my {bill}", "please pay {biller} {date}", "schedule a payment to {biller} {date}",
        "i need to pay my {bill} {date}", "pay my {bname} bill", "pay my {bname} bill {date}",
        "could you pay {bamt} to {bname} {date}?", "I'd like to pay my {bill} {date}",
        "set up a payment to {bname} for {bamt}", "make a payment to {biller}",
        "pay off my {bill}", "my {bill} is due, pay it {date}", "send {bname} {bamt} for my bill",
        "pay the {bname} bill {date}, {bamt}",
    ],
}

# Combinatorial parts for the short social labels.
GREET_OPEN = ["hi", "hey", "hello", "hiya", "heya", "yo", "good morning", "good afternoon",
              "good evening", "morning", "howdy", "hey there", "hi there", "hello there", "hii", "heyy"]
GREET_TO = ["", " pennant", " bot", " friend", " team", " folks"]
GREET_TAIL = ["", "!", " 👋", " :)", ", how are you?", ", how's it going", ", hope you're well",
              " how r u", ", how's your day", "!!", ", anyone there?", " 😊"]

THANKS_PRE = ["", "ok ", "great ", "perfect ", "awesome ", "cool ", "got it ", "nice ", "oh ", "ah ",
              "sweet ", "lovely ", "ok cool ", "alright ", "wonderful ", "great, ", "perfect, ", "ok, "]
THANKS_CORE = ["thanks", "thank you", "ty", "thx", "thanks so much", "thank you so much", "appreciate it",
               "much appreciated", "cheers", "tysm", "thanks a lot", "thanks a bunch", "appreciate the help",
               "thanks for the help", "thank you kindly"]
THANKS_POST = ["", "!", " 🙏", " 👍", " :)", "!!", " 😊", ", that helps", ", that's perfect",
               ", that's what i needed"]
THANKS_POST_SHORT = [" so much", " again", " pennant"]   # only after thanks / thank you / ty

BYE_PRE = ["", "ok ", "alright ", "cool ", "great, ", "that's all, ", "that's it, ", "i'm done, ",
           "all set, ", "nothing else, ", "ok that's everything, ", "thanks, ", "thank you, ",
           "no that's it, ", "perfect, ", "ok thanks, "]
BYE_CORE = ["bye", "goodbye", "see ya", "later", "cya", "ttyl", "take care", "have a good one",
            "bye bye", "good night", "have a nice day", "see you later", "peace", "catch you later",
            "talk soon"]
BYE_POST = ["", "!", " 👋", " :)", "!!"]
BYE_POST_SHORT = [" for now", " pennant"]   # only after bye / goodbye / later

HANDOFF_SUBJ = ["can i ", "i want to ", "i'd like to ", "let me ", "i need to ", "could i ",
                "can you let me ", "i wanna "]
HANDOFF_SUBJ_VERB = ["talk to", "speak to", "speak with", "chat with", "get", "be connected to",
                     "be transferred to", "reach", "talk with"]
HANDOFF_IMP = ["", "please ", "pls ", "just ", "ugh, just ", "can you ", "could you please "]
HANDOFF_IMP_VERB = ["get me", "connect me to", "transfer me to", "put me through to", "give me",
                    "connect me with", "hand me over to", "find me"]
HANDOFF_TARGET = ["a human", "a real person", "an agent", "a live agent", "a representative", "someone",
                  "customer service", "a person", "support", "a manager", "a supervisor", "a banker",
                  "an actual human", "a live person", "a rep", "a human agent", "somebody real"]
HANDOFF_POST = ["", " please", " now", "!", " asap", ", this bot isn't helping", ", not a bot",
                " pls", " right now", ", you're not understanding", " 😤", ", i'm done with the bot"]

CAP_PRE = ["", "hey ", "hi, ", "quick question, ", "um ", "so ", "ok ", "sorry, ", "hey pennant, "]
CAP_Q = ["what can you do", "what can you help with", "are you a bot", "are you a real person",
         "is this a human or a bot", "how does this work", "what can i ask you", "what are my options",
         "what do you do", "how do i use this chat", "what are you able to help me with",
         "am i talking to a person", "are you ai", "what features do you have", "what's this bot for",
         "what kind of questions can you answer", "what can this do", "is this automated",
         "what can you help me with", "are u a bot", "what are you"]
CAP_Q_POST = ["", "?", "??", " lol", " 🤔", "? just curious"]
CAP_CMD = ["show me the menu", "show me what you can do", "list your features", "give me the options",
           "show me the help menu", "list what you can do"]
CAP_CMD_POST = ["", " pls", " please", "!"]

ADVICE_TEMPLATES = [
    "should i buy {stock} stock", "is {stock} a good investment", "should i sell my {stock} shares",
    "is {stock} a good buy right now", "what do you think about {stock}", "should i invest {big} in {stock}",
    "is {asset} a good investment right now", "should i put {big} into {asset}",
    "should i invest in {asset} or {asset2}", "{asset} or {asset2}, which is better for me?",
    "is it smart to put my savings into {asset}", "can i deduct {deduct} on my taxes",
    "can i write off {deduct}", "do i owe taxes on {taxable}", "how does the irs treat {taxable}",
    "should i {plan1} or {plan2}", "would it be better to {plan1} or {plan2}",
    "is it legal to {legal}", "can i legally {legal}", "what should i do with {big}",
]
STOCKS = ["tesla", "apple", "nvidia", "amazon", "google", "microsoft", "meta", "amd", "gamestop", "coca cola",
          "netflix", "palantir", "disney", "ford", "boeing", "costco", "TSLA", "AAPL", "NVDA", "AMZN"]
ASSETS = ["bitcoin", "ethereum", "index funds", "an s&p 500 fund", "bonds", "gold", "real estate", "a roth ira",
          "my 401k", "dividend stocks", "treasury bills", "a cd", "crypto", "reits", "an hsa", "a 529 plan",
          "solana", "silver", "growth stocks", "a target date fund"]
DEDUCT = ["my home office", "my car", "my phone bill", "my student loan interest", "charity donations",
          "my gym membership", "medical expenses", "my commute", "my work laptop", "property taxes",
          "daycare costs", "business meals", "my internet bill for work"]
TAXABLE = ["venmo payments", "crypto gains", "my side hustle income", "stock dividends", "gambling winnings",
           "an inheritance", "unemployment benefits", "a gift from my parents", "my tips", "savings interest"]
PLANS = ["pay off my credit card", "invest in my 401k", "pay off my car loan", "build my emergency fund",
         "pay down my student loans", "buy a house", "keep renting", "save for retirement",
         "invest the money", "put it in savings", "pay extra on my mortgage", "buy a new car",
         "open a roth ira", "start investing", "pay off my debt first"]
LEGAL = ["record a call without telling them", "break my lease early", "sublet my apartment",
         "stop paying a collection agency", "withhold rent until repairs are done", "work two jobs at once",
         "use my dad's credit card", "sell my car without a title", "fire someone for being sick",
         "keep money sent to me by mistake", "rent out my room on airbnb", "not file taxes if i made under 10k"]

OOS_TEMPLATES = [
    "what's the weather in {city}", "what's the weather in {city} {fut}", "will it rain in {city} {fut}",
    "how hot is it in {city}", "tell me a joke about {topic}", "write a poem about {topic}",
    "write a short story about {topic}", "who won the {team} game", "did the {team} win {pastw}",
    "recipe for {food}", "how do i make {food}", "what's {a} times {b}", "what is {a} plus {b}",
    "what's {a} divided by {b}", "fun facts about {topic}", "help me with my {lang} code",
    "how do i write a for loop in {lang}", "time in {city} right now", "flights to {city} {fut}",
    "things to do in {city}", "write me a song about {topic}", "what's a good name for a {pet}",
    "when do the {team} play {fut}",
]
CITIES = ["chicago", "nyc", "miami", "seattle", "denver", "austin", "london", "paris", "tokyo", "boston",
          "la", "phoenix", "atlanta", "Chicago", "Seattle", "Dallas"]
FUT = ["today", "tomorrow", "this weekend", "tonight", "next week", "on saturday"]
PASTW = ["last night", "yesterday", "on sunday", "this weekend", "tonight"]
TOPICS = ["cats", "dogs", "pirates", "the ocean", "coffee", "mondays", "space", "volcanoes", "penguins",
          "pizza", "robots", "summer", "autumn leaves", "dinosaurs", "a lighthouse", "sloths", "tacos"]
PETS = ["goldfish", "puppy", "kitten", "hamster", "band", "boat", "fantasy football team", "sourdough starter"]
TEAMS = ["lakers", "yankees", "cowboys", "chiefs", "warriors", "red sox", "eagles", "packers", "celtics",
         "dodgers", "knicks", "49ers", "bears", "mets"]
FOODS = ["pancakes", "banana bread", "chili", "guacamole", "fried rice", "mac and cheese", "lasagna",
         "brownies", "tacos", "pad thai", "french toast", "meatballs", "hummus", "apple pie"]
LANGS = ["python", "javascript", "java", "c++", "rust", "sql", "swift", "go", "react", "bash"]

# ---------------------------------------------------------------------------
# Typos and chat styling.
# ---------------------------------------------------------------------------

TYPO_WORDS = {
    "balance": ["balnce", "balence", "blance", "ballance", "balanace"],
    "checking": ["chekcing", "checkin", "cheking", "chcking", "checkign"],
    "savings": ["savngs", "savigns", "savins", "saivngs"],
    "transfer": ["trasnfer", "tranfser", "transfr", "tranfer"],
    "transactions": ["transactons", "trasactions", "tranactions", "transations"],
    "account": ["acount", "accnt", "accout"],
    "money": ["mony", "moeny"],
    "please": ["pls", "plz", "pleas"],
    "spent": ["spnet", "spend"],
    "spend": ["spnd", "spedn"],
    "groceries": ["grocerys", "grocceries", "grocieries"],
    "yesterday": ["yesterdy", "yestrday", "yesteday"],
    "payment": ["paymnet", "payemnt"],
    "electric": ["electirc", "eletric", "electic"],
    "insurance": ["insurence", "insurnace"],
    "mortgage": ["morgage", "mortage"],
    "representative": ["representitive", "reprsentative"],
    "human": ["humna", "humam"],
    "thanks": ["thnaks", "thansk", "thakns"],
    "thank": ["thnak", "thnk"],
    "what's": ["whats", "wats", "waht's"],
    "what": ["waht", "wat"],
    "much": ["muhc", "mcuh"],
    "send": ["snd", "sned", "sedn"],
    "credit": ["credti", "crdit"],
    "recent": ["recnet", "recnt"],
    "weather": ["wether", "weahter"],
    "recipe": ["recipie", "receipe"],
    "should": ["shud", "shoud", "shld"],
    "invest": ["invset", "inveset"],
    "goodbye": ["goodbey", "godbye"],
    "hello": ["helo", "hellp"],
    "phone": ["phnoe", "fone"],
    "water": ["watr", "wter"],
    "bill": ["bil"],
    "you": ["u", "yuo"],
    "your": ["ur", "yor"],
    "right now": ["rn"],
    "dollars": ["dollers", "dolars"],
    "between": ["bewteen", "betwen"],
    "available": ["availble", "avaliable"],
    "purchases": ["purchses", "purcahses"],
    "deposit": ["deposti", "depsoit"],
    "agent": ["agnet", "agetn"],
    "someone": ["somone", "sombody"],
}


def typo(text):
    """One realistic slip: a known misspelling if a known word is present, else a swap/drop/double."""
    low = text.lower()
    keys = [k for k in TYPO_WORDS if re.search(r"\b" + re.escape(k) + r"\b", low)]
    if keys and random.random() < 0.75:
        k = random.choice(keys)
        return re.sub(r"\b" + re.escape(k) + r"\b", random.choice(TYPO_WORDS[k]), text, count=1,
                      flags=re.IGNORECASE)
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if w.isalpha() and len(w) >= 5]
    if not idx:
        return text
    i = random.choice(idx)
    w = words[i]
    j = random.randrange(1, len(w) - 1)
    r = random.random()
    if r < 0.45:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    elif r < 0.8:
        w = w[:j] + w[j + 1:]
    else:
        w = w[:j] + w[j] + w[j:]
    words[i] = w
    return " ".join(words)




ACTION_START = re.compile(r"(send|move|transfer|pay|put|show|list|check|tell|give|shift|take|xfer)\b", re.I)


def style(text, label):
    """Chat styling: case, a polite or casual wrapper, trailing punctuation or emoji."""
    r = random.random()
    if label in ("balance", "transactions", "transfer", "bill_payment"):
        if r < 0.10:
            text = random.choice(["hey ", "hi, ", "hey pennant, ", "ok so ", "quick one: ", "yo "]) + text
        elif r < 0.18 and not text.endswith(("?", "!", ".")) and not re.search(r"\b(pls|please|thx|thanks|asap|rn)$", text):
            tails = [" pls", " please", " thx", " thanks"]
            if label in ("balance", "transactions", "transfer"):
                tails += [" asap", " rn"] if not re.search(r"\b(now|today|asap|rn)\b", text) else []
            text = text + random.choice(tails)
        elif r < 0.24 and ACTION_START.match(text):
            text = random.choice(["can you ", "could you ", "can u ", "please "]) + text
    t = random.random()
    if t < 0.30:
        text = text[0].upper() + text[1:]
    elif t < 0.34 and len(text) < 30:
        text = text.upper()
    social = label in ("greeting", "thanks", "goodbye")
    if random.random() < 0.06 and not text[-1] in "?!.)":
        if social:
            text += random.choice(["!", ".", " 🙂"])
        elif text.split()[0].lower() in ("what", "how", "is", "are", "do", "did", "can", "could", "should",
                                         "who", "when", "will", "am", "whats", "what's"):
            text += random.choice(["?", "??", " 🤔"])
        else:
            text += random.choice(["!", ".", " 🙏", " 😅", " 👍"])
    return text


# ---------------------------------------------------------------------------
# Assembly.
# ---------------------------------------------------------------------------

def norm(s):
    return re.sub(r"\s+", " ", s.strip().lower())


def gen_one(label):
    if label in TEMPLATES:
        return fill(random.choice(TEMPLATES[label]))
    if label == "greeting":
        return random.choice(GREET_OPEN) + random.choice(GREET_TO) + random.choice(GREET_TAIL)
    if label == "thanks":
        core = random.choice(THANKS_CORE)
        posts = THANKS_POST + (THANKS_POST_SHORT if core in ("thanks", "thank you", "ty") else [])
        return (random.choice(THANKS_PRE) + core + random.choice(posts)).strip()
    if label == "goodbye":
        core = random.choice(BYE_CORE)
        posts = BYE_POST + (BYE_POST_SHORT if core in ("bye", "goodbye", "later") else [])
        return (random.choice(BYE_PRE) + core + random.choice(posts)).strip()
    if label == "human_handoff":
        if random.random() < 0.55:
            head = random.choice(HANDOFF_SUBJ) + random.choice(HANDOFF_SUBJ_VERB)
        else:
            head = random.choice(HANDOFF_IMP) + random.choice(HANDOFF_IMP_VERB)
        post = random.choice(HANDOFF_POST)
        if re.search(r"\b(pls|please)\b", head) and post.strip() in ("pls", "please"):
            post = ""
        return (head + " " + random.choice(HANDOFF_TARGET) + post).strip()
    if label == "bot_capabilities":
        if random.random() < 0.8:
            return (random.choice(CAP_PRE) + random.choice(CAP_Q) + random.choice(CAP_Q_POST)).strip()
        return (random.choice(CAP_PRE) + random.choice(CAP_CMD) + random.choice(CAP_CMD_POST)).strip()
    if label == "advice":
        a, a2 = random.sample(ASSETS, 2)
        p1, p2 = random.sample(PLANS, 2)
        return random.choice(ADVICE_TEMPLATES).format(
            stock=random.choice(STOCKS), asset=a, asset2=a2, big=random.choice(BIG_AMOUNTS),
            deduct=random.choice(DEDUCT), taxable=random.choice(TAXABLE), plan1=p1, plan2=p2,
            legal=random.choice(LEGAL))
    if label == "out_of_scope":
        return random.choice(OOS_TEMPLATES).format(
            city=random.choice(CITIES), fut=random.choice(FUT), pastw=random.choice(PASTW),
            topic=random.choice(TOPICS), pet=random.choice(PETS), team=random.choice(TEAMS),
            food=random.choice(FOODS), a=random.randint(3, 99), b=random.randint(2, 40),
            lang=random.choice(LANGS))
    raise KeyError(label)


LABELS = ["balance", "transactions", "transfer", "bill_payment", "human_handoff", "greeting", "thanks",
          "goodbye", "bot_capabilities", "advice", "out_of_scope"]

# Generated lines must not collide with a sentence another label owns.
FORBIDDEN_IN_GEN = {
    "thanks": re.compile(r"\bbye\b|see ya|later|take care|good night"),
}


def build():
    random.seed(SEED)
    seen = {}
    rows = []
    stats = {}
    # Hand-written first, for every label, so the generated part can never take their place.
    for label in LABELS:
        hand = HAND[label]
        n = 0
        for s in hand:
            k = norm(s)
            if k in seen:
                if seen[k] != label:
                    raise SystemExit(f"'{s}' is hand-written under both {seen[k]} and {label}")
                continue
            seen[k] = label
            rows.append({"text": s, "intent": label})
            n += 1
        stats[label] = {"hand": n, "generated": 0, "typo_injected": 0}
    for label in LABELS:
        need = TARGET - stats[label]["hand"]
        tries = 0
        while need > 0:
            tries += 1
            if tries > 200000:
                raise SystemExit(f"could not reach {TARGET} for {label}")
            s = gen_one(label)
            s = re.sub(r"\s+", " ", s).strip()
            injected = False
            if random.random() < 0.40:
                s2 = typo(s)
                injected = s2 != s
                s = s2
            s = style(s, label)
            if label in FORBIDDEN_IN_GEN and FORBIDDEN_IN_GEN[label].search(s.lower()):
                continue
            k = norm(s)
            if k in seen:
                continue
            seen[k] = label
            rows.append({"text": s, "intent": label})
            stats[label]["generated"] += 1
            stats[label]["typo_injected"] += int(injected)
            need -= 1
    random.shuffle(rows)
    return rows, stats


def main():
    rows, stats = build()
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    if "--stats" in sys.argv:
        total = 0
        for label in LABELS:
            s = stats[label]
            n = s["hand"] + s["generated"]
            total += n
            print(f"{label:17s} {n:4d}  hand-written {s['hand']:4d}  generated {s['generated']:4d}"
                  f"  (typo-injected {s['typo_injected']})")
        print(f"{'total':17s} {total:4d}")
    print(f"wrote {OUT} ({len(rows)} lines)")


if __name__ == "__main__":
    main()
