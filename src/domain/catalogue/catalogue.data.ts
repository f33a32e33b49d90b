import type { Catalogue } from './catalogue.types';

/**
 * The catalogue of the målbild "Omtanke Halland" and the färdplan, as data.
 *
 * Sources: the målbild (goal words, success factors and all their statements, verbatim) and the
 * färdplan for god och nära vård och omsorg i Halland (target groups, prerequisites, agreements,
 * networks). This is the seed: a store's first start saves it as catalogue revision 1, after which
 * admins change the catalogue in the app (Administration → Katalog) and it lives in the store.
 */
export const catalogue: Catalogue = {
  version: '2025.1',
  title: {
    sv: 'Omtanke Halland – vår gemensamma omställning till en god och nära vård och omsorg',
    en: 'Omtanke Halland – our joint transition to good and close health and social care',
  },

  goalWords: [
    {
      id: 'personcentrerad',
      label: { sv: 'Personcentrerad', en: 'Person-centred' },
      description: {
        sv: 'Vård och omsorg utformas tillsammans med den enskilde individen utifrån dennes behov och förutsättningar.',
        en: 'Health and social care is designed together with the individual, based on their needs and circumstances.',
      },
    },
    {
      id: 'sammanhallen',
      label: { sv: 'Sammanhållen', en: 'Coordinated' },
      description: {
        sv: 'Vård och omsorg är sammanhållen och sömlös utifrån personens perspektiv, vilket kräver nära samverkan över organisationsgränserna.',
        en: "Health and social care is coordinated and seamless from the person's perspective, which requires close collaboration across organisational boundaries.",
      },
    },
    {
      id: 'nara',
      label: { sv: 'Nära', en: 'Close' },
      description: {
        sv: 'Nära betyder inte bara geografiskt nära, utan också tillgänglighet genom flexibla kontaktvägar, öppettider och god kontinuitet.',
        en: 'Close does not only mean geographically close, but also accessible through flexible ways of making contact, opening hours and good continuity.',
      },
    },
  ],

  factors: [
    {
      id: 'halsoframjande',
      label: { sv: 'Hälsofrämjande', en: 'Health-promoting' },
      tagline: {
        sv: 'I Halland finns förutsättningar för god hälsa.',
        en: 'In Halland, the conditions for good health are in place.',
      },
      employeeLead: {
        sv: 'Jag som medarbetare gör vård och omsorg hälsofrämjande …',
        en: 'As an employee, I make health and social care health-promoting …',
      },
      organisationLead: {
        sv: 'Vi som organisation gör vård och omsorg hälsofrämjande …',
        en: 'As an organisation, we make health and social care health-promoting …',
      },
      statements: [
        {
          id: 'halsoframjande.individ',
          factorId: 'halsoframjande',
          perspective: 'individual',
          text: {
            sv: 'Jag får kunskap och stöd för att ta hand om mig och min hälsa när jag behöver det.',
            en: 'I get knowledge and support to take care of myself and my health when I need it.',
          },
        },
        {
          id: 'halsoframjande.medarbetare.1',
          factorId: 'halsoframjande',
          perspective: 'employee',
          text: {
            sv: 'När jag erbjuder hälsofrämjande insatser som utgår från individens möjligheter.',
            en: "When I offer health-promoting interventions based on the individual's possibilities.",
          },
        },
        {
          id: 'halsoframjande.medarbetare.2',
          factorId: 'halsoframjande',
          perspective: 'employee',
          text: {
            sv: 'När jag informerar individen om friskfaktorer.',
            en: 'When I inform the individual about protective health factors.',
          },
        },
        {
          id: 'halsoframjande.medarbetare.3',
          factorId: 'halsoframjande',
          perspective: 'employee',
          text: {
            sv: 'När jag stöttar individen att ta ansvar genom att skapa en relation och ett förtroende.',
            en: 'When I support the individual in taking responsibility by building a relationship and trust.',
          },
        },
        {
          id: 'halsoframjande.medarbetare.4',
          factorId: 'halsoframjande',
          perspective: 'employee',
          text: {
            sv: 'När jag kommunicerar ett hälsofrämjande och förebyggande perspektiv.',
            en: 'When I communicate a health-promoting and preventive perspective.',
          },
        },
        {
          id: 'halsoframjande.organisation.1',
          factorId: 'halsoframjande',
          perspective: 'organisation',
          text: {
            sv: 'När vi har ett folkhälsoperspektiv som når ut på bred front – även till individer som inte har direkta vård- och omsorgskontakter.',
            en: 'When we have a public health perspective that reaches out broadly – including to individuals who have no direct contact with health and social care.',
          },
        },
        {
          id: 'halsoframjande.organisation.2',
          factorId: 'halsoframjande',
          perspective: 'organisation',
          text: {
            sv: 'När vi inkluderar flera samhällsaktörer i det hälsofrämjande arbetet – även de som traditionellt inte arbetar med vård och omsorg.',
            en: 'When we include several actors in society in the health-promoting work – including those who do not traditionally work with health and social care.',
          },
        },
        {
          id: 'halsoframjande.organisation.3',
          factorId: 'halsoframjande',
          perspective: 'organisation',
          text: {
            sv: 'När vi erbjuder olika former av stöd för individer med uppmärksammade riskfaktorer.',
            en: 'When we offer different forms of support for individuals with identified risk factors.',
          },
        },
        {
          id: 'halsoframjande.organisation.4',
          factorId: 'halsoframjande',
          perspective: 'organisation',
          text: {
            sv: 'När vi tillsätter resurser för det hälsofrämjande arbetet och skapar möjligheter för rätt kompetens hos våra medarbetare.',
            en: 'When we allocate resources to the health-promoting work and create opportunities for the right competence among our employees.',
          },
        },
      ],
    },
    {
      id: 'gemensam',
      label: { sv: 'Gemensam', en: 'Joint' },
      tagline: {
        sv: 'I Halland gör vi vård och omsorg bättre tillsammans.',
        en: 'In Halland, we make health and social care better together.',
      },
      employeeLead: {
        sv: 'Jag som medarbetare gör vård och omsorg gemensam …',
        en: 'As an employee, I make health and social care joint …',
      },
      organisationLead: {
        sv: 'Vi som organisation gör vård och omsorg gemensam …',
        en: 'As an organisation, we make health and social care joint …',
      },
      statements: [
        {
          id: 'gemensam.individ',
          factorId: 'gemensam',
          perspective: 'individual',
          text: {
            sv: 'Jag är delaktig och tar aktivt ansvar för min hälsa utifrån mina förutsättningar.',
            en: 'I am involved and take active responsibility for my health based on my circumstances.',
          },
        },
        {
          id: 'gemensam.medarbetare.1',
          factorId: 'gemensam',
          perspective: 'employee',
          text: {
            sv: 'När jag frågar vad som är viktigt för individen och sedan utformar vård och omsorg utifrån det.',
            en: 'When I ask what matters to the individual and then design health and social care based on that.',
          },
        },
        {
          id: 'gemensam.medarbetare.2',
          factorId: 'gemensam',
          perspective: 'employee',
          text: {
            sv: 'När jag stöttar individen att vara delaktig genom att lyssna på individens kunskap och egna förmågor.',
            en: "When I support the individual in being involved by listening to the individual's knowledge and own abilities.",
          },
        },
        {
          id: 'gemensam.medarbetare.3',
          factorId: 'gemensam',
          perspective: 'employee',
          text: {
            sv: 'När jag har kunskap om vård och omsorgssystemet i Halland och på vilket sätt jag bidrar till det gemensamma utbudet och en sammanhängande vård och omsorg.',
            en: 'When I have knowledge of the health and social care system in Halland and of how I contribute to the joint range of services and to coherent health and social care.',
          },
        },
        {
          id: 'gemensam.medarbetare.4',
          factorId: 'gemensam',
          perspective: 'employee',
          text: {
            sv: 'När jag ger individen kunskap om sin egen roll och vilket ansvar individen har i den gemensamma vård- och omsorgsplaneringen.',
            en: 'When I give the individual knowledge of their own role and of the responsibility the individual has in the joint health and social care planning.',
          },
        },
        {
          id: 'gemensam.organisation.1',
          factorId: 'gemensam',
          perspective: 'organisation',
          text: {
            sv: 'När vi arbetar aktivt för att vård och omsorg i Halland ska fungera och upplevas som en enda organisation.',
            en: 'When we work actively so that health and social care in Halland works, and is experienced, as one single organisation.',
          },
        },
        {
          id: 'gemensam.organisation.2',
          factorId: 'gemensam',
          perspective: 'organisation',
          text: {
            sv: 'När vi ser till att gränserna för huvudmannaskap och förvaltning inte utgör gränser för samverkan och kommunikation.',
            en: 'When we make sure that the boundaries of responsible authorities and administrations are not boundaries for collaboration and communication.',
          },
        },
        {
          id: 'gemensam.organisation.3',
          factorId: 'gemensam',
          perspective: 'organisation',
          text: {
            sv: 'När vi skapar förutsättningar för en sömlös organisation och ger medarbetaren tillgång till plattformar/verktyg/forum för kommunikation över organisationsgränserna.',
            en: 'When we create the conditions for a seamless organisation and give employees access to platforms/tools/forums for communication across organisational boundaries.',
          },
        },
        {
          id: 'gemensam.organisation.4',
          factorId: 'gemensam',
          perspective: 'organisation',
          text: {
            sv: 'När vi skapar delaktighet med tydliga mål, handlingsplaner och kontinuerlig uppföljning kring vårt gemensamma arbete.',
            en: 'When we create involvement through clear goals, action plans and continuous follow-up of our joint work.',
          },
        },
      ],
    },
    {
      id: 'enkel',
      label: { sv: 'Enkel', en: 'Simple' },
      tagline: {
        sv: 'I Halland är vård och omsorg nära och lätt att nå.',
        en: 'In Halland, health and social care is close and easy to reach.',
      },
      employeeLead: {
        sv: 'Jag som medarbetare gör vård och omsorg enkel …',
        en: 'As an employee, I make health and social care simple …',
      },
      organisationLead: {
        sv: 'Vi som organisation gör vård och omsorg enkel …',
        en: 'As an organisation, we make health and social care simple …',
      },
      statements: [
        {
          // The individual statement of ENKEL begins "När jag …" in the målbild; it is still the individual's voice.
          id: 'enkel.individ',
          factorId: 'enkel',
          perspective: 'individual',
          text: {
            sv: 'När jag behöver hjälp så vet jag vart jag ska vända mig och hur planeringen av min vård ser ut.',
            en: 'When I need help, I know where to turn and what the planning of my care looks like.',
          },
        },
        {
          id: 'enkel.medarbetare.1',
          factorId: 'enkel',
          perspective: 'employee',
          text: {
            sv: 'När jag är tillgänglig för individen på flera olika sätt (fysiskt, telefon, digitalt).',
            en: 'When I am available to the individual in several different ways (in person, by phone, digitally).',
          },
        },
        {
          id: 'enkel.medarbetare.2',
          factorId: 'enkel',
          perspective: 'employee',
          text: {
            sv: 'När jag ger råd, stöd, vård och omsorg där individen befinner sig.',
            en: 'When I give advice, support, health care and social care where the individual is.',
          },
        },
        {
          id: 'enkel.medarbetare.3',
          factorId: 'enkel',
          perspective: 'employee',
          text: {
            sv: 'När jag ger individen kunskap om var planering och dokumentation av vård och omsorg finns tillgänglig.',
            en: 'When I give the individual knowledge of where the planning and documentation of health and social care are available.',
          },
        },
        {
          id: 'enkel.medarbetare.4',
          factorId: 'enkel',
          perspective: 'employee',
          text: {
            sv: 'När jag agerar som en del av en sammanhållande vård och omsorg samt ser bortom organisationsgränserna.',
            en: 'When I act as part of coordinated health and social care and look beyond organisational boundaries.',
          },
        },
        {
          id: 'enkel.organisation.1',
          factorId: 'enkel',
          perspective: 'organisation',
          text: {
            sv: 'När vi har ett gemensamt språk.',
            en: 'When we have a common language.',
          },
        },
        {
          id: 'enkel.organisation.2',
          factorId: 'enkel',
          perspective: 'organisation',
          text: {
            sv: 'När vi skapar förutsättningar för medarbetaren att ge sammanhållen vård och omsorg nära individen.',
            en: 'When we create the conditions for employees to provide coordinated health and social care close to the individual.',
          },
        },
        {
          id: 'enkel.organisation.3',
          factorId: 'enkel',
          perspective: 'organisation',
          text: {
            sv: 'När vi ger individen enkel tillgång till dokumentation och planering av sin vård och omsorg.',
            en: 'When we give the individual easy access to the documentation and planning of their health and social care.',
          },
        },
        {
          id: 'enkel.organisation.4',
          factorId: 'enkel',
          perspective: 'organisation',
          text: {
            sv: 'När vi skapar förutsättningar för gränsöverskridande kommunikation och samverkan mellan olika huvudmän.',
            en: 'When we create the conditions for communication and collaboration across boundaries between different responsible authorities.',
          },
        },
        {
          id: 'enkel.organisation.5',
          factorId: 'enkel',
          perspective: 'organisation',
          text: {
            sv: 'När vi har tydliga och välkända processer där vi har kunskap om varandras uppdrag och det är tydligt vem som gör vad.',
            en: "When we have clear and well-known processes in which we know each other's remits and it is clear who does what.",
          },
        },
      ],
    },
    {
      id: 'trygg',
      label: { sv: 'Trygg', en: 'Safe' },
      tagline: {
        sv: 'I Halland bygger vård och omsorg på kompetens och tillit.',
        en: 'In Halland, health and social care is built on competence and trust.',
      },
      employeeLead: {
        sv: 'Jag som medarbetare gör vård och omsorg trygg …',
        en: 'As an employee, I make health and social care safe …',
      },
      organisationLead: {
        sv: 'Vi som organisation gör vård och omsorg trygg …',
        en: 'As an organisation, we make health and social care safe …',
      },
      statements: [
        {
          id: 'trygg.individ',
          factorId: 'trygg',
          perspective: 'individual',
          text: {
            sv: 'Jag har förtroende för vård och omsorg och känner mig sedd och lyssnad på.',
            en: 'I have confidence in health and social care and feel seen and listened to.',
          },
        },
        {
          id: 'trygg.medarbetare.1',
          factorId: 'trygg',
          perspective: 'employee',
          text: {
            sv: 'När jag bemöter individen med omtanke och respekt.',
            en: 'When I treat the individual with consideration and respect.',
          },
        },
        {
          id: 'trygg.medarbetare.2',
          factorId: 'trygg',
          perspective: 'employee',
          text: {
            sv: 'När jag hjälper individen med rätt kompetens och på rätt nivå.',
            en: 'When I help the individual with the right competence and at the right level.',
          },
        },
        {
          id: 'trygg.medarbetare.3',
          factorId: 'trygg',
          perspective: 'employee',
          text: {
            sv: 'När jag tillsammans med individen planerar nästa steg i vårdprocessen.',
            en: 'When I plan the next step in the care process together with the individual.',
          },
        },
        {
          id: 'trygg.medarbetare.4',
          factorId: 'trygg',
          perspective: 'employee',
          text: {
            sv: 'När jag arbetar med förtroendeskapande insatser gentemot individen.',
            en: 'When I work with trust-building efforts towards the individual.',
          },
        },
        {
          id: 'trygg.medarbetare.5',
          factorId: 'trygg',
          perspective: 'employee',
          text: {
            sv: 'När jag i största möjliga mån erbjuder individen samma vårdkontakt vid varje besök.',
            en: 'When I, as far as possible, offer the individual the same care contact at every visit.',
          },
        },
        {
          id: 'trygg.organisation.1',
          factorId: 'trygg',
          perspective: 'organisation',
          text: {
            sv: 'När vård och omsorg baseras på vetenskap och beprövad erfarenhet.',
            en: 'When health and social care is based on science and proven experience.',
          },
        },
        {
          id: 'trygg.organisation.2',
          factorId: 'trygg',
          perspective: 'organisation',
          text: {
            sv: 'När vi arbetar aktivt för att öka och bevara kompetens inom organisationen genom att förse alla medarbetare med kompetensutveckling, lärandemöjligheter och arbetsredskap efter senaste evidens (t. ex system, metoder, digitala verktyg).',
            en: 'When we work actively to increase and retain competence within the organisation by providing all employees with professional development, learning opportunities and work tools in line with the latest evidence (e.g. systems, methods, digital tools).',
          },
        },
        {
          id: 'trygg.organisation.3',
          factorId: 'trygg',
          perspective: 'organisation',
          text: {
            sv: 'När organisationen har en kultur som stödjer ett personcentrerat arbetssätt med hög kontinuitet.',
            en: 'When the organisation has a culture that supports a person-centred way of working with high continuity.',
          },
        },
        {
          id: 'trygg.organisation.4',
          factorId: 'trygg',
          perspective: 'organisation',
          text: {
            sv: 'När vi har strukturer, stöd och överenskommelser där det för medarbetaren ”är lätt att göra rätt”.',
            en: 'When we have structures, support and agreements that make it “easy to do the right thing” for employees.',
          },
        },
        {
          id: 'trygg.organisation.5',
          factorId: 'trygg',
          perspective: 'organisation',
          text: {
            sv: 'När vi ständigt efterfrågar och utvärderar individens upplevelse av vård och omsorg.',
            en: "When we continuously ask for and evaluate the individual's experience of health and social care.",
          },
        },
      ],
    },
  ],

  targetGroups: [
    {
      id: 'hemsjukvard',
      label: {
        sv: 'Äldre och övriga med behov av hemsjukvård',
        en: 'Older people and others in need of home health care',
      },
    },
    {
      id: 'unga-vuxna-beroende',
      label: {
        sv: 'Unga vuxna med skadligt bruk och beroende',
        en: 'Young adults with harmful use and addiction',
      },
    },
    {
      id: 'barn-unga-psykisk-halsa',
      label: {
        sv: 'Barn och ungas psykiska hälsa',
        en: "Children's and young people's mental health",
      },
    },
    {
      id: 'psykisk-funktionsnedsattning',
      label: {
        sv: 'Invånare med psykisk funktionsnedsättning',
        en: 'Residents with a psychiatric disability',
      },
    },
    {
      id: 'okad-risk-ohalsa',
      label: {
        sv: 'Övriga grupper med ökad risk för ohälsa såsom vid kronisk sjukdom och psykisk ohälsa eller på grund av socioekonomiska faktorer',
        en: 'Other groups at increased risk of ill health, such as with chronic disease and mental ill health, or due to socioeconomic factors',
      },
    },
  ],

  organisations: [
    { id: 'region-halland', kind: 'region', label: { sv: 'Region Halland', en: 'Region Halland' } },
    {
      id: 'kungsbacka',
      kind: 'municipality',
      label: { sv: 'Kungsbacka kommun', en: 'Kungsbacka Municipality' },
    },
    { id: 'varberg', kind: 'municipality', label: { sv: 'Varbergs kommun', en: 'Varberg Municipality' } },
    {
      id: 'falkenberg',
      kind: 'municipality',
      label: { sv: 'Falkenbergs kommun', en: 'Falkenberg Municipality' },
    },
    { id: 'halmstad', kind: 'municipality', label: { sv: 'Halmstads kommun', en: 'Halmstad Municipality' } },
    { id: 'laholm', kind: 'municipality', label: { sv: 'Laholms kommun', en: 'Laholm Municipality' } },
    { id: 'hylte', kind: 'municipality', label: { sv: 'Hylte kommun', en: 'Hylte Municipality' } },
  ],

  prerequisites: [
    {
      id: 'personcentrering-delaktighet',
      label: { sv: 'Personcentrering och delaktighet', en: 'Person-centredness and involvement' },
    },
    {
      id: 'kompetens-resurser',
      label: { sv: 'Säkerställa kompetens och resurser', en: 'Ensuring competence and resources' },
    },
    { id: 'samverkan', label: { sv: 'Samverkan', en: 'Collaboration' } },
    { id: 'digitalisering', label: { sv: 'Digitalisering', en: 'Digitalisation' } },
    { id: 'forebyggande', label: { sv: 'Förebyggande', en: 'Prevention' } },
    {
      id: 'ledning-styrning-uppfoljning',
      label: {
        sv: 'Process för ledning, styrning och uppföljning',
        en: 'Process for management, governance and follow-up',
      },
    },
  ],

  agreements: [
    {
      id: 'hemsjukvarden-2021-2028',
      label: {
        sv: 'Överenskommelse om hemsjukvården i Halland 2021–2028',
        en: 'Agreement on home health care in Halland 2021–2028',
      },
      validity: { from: 2021, to: 2028 },
    },
    {
      id: 'trygg-effektiv-utskrivning-2022-2024',
      label: {
        sv: 'Överenskommelse om Trygg och effektiv utskrivning från sluten hälso- och sjukvård i Halland 2022–2024',
        en: 'Agreement on safe and effective discharge from inpatient health care in Halland 2022–2024',
      },
      validity: { from: 2022, to: 2024 },
    },
    {
      id: 'regional-samverkan-2022-2024',
      label: {
        sv: 'Regional överenskommelse om samverkan mellan Region Halland och Hallands kommuner avseende ansvarsfördelning och samordnade insatser till barn, individer med psykisk funktionsnedsättning, individer med riskbruk, skadligt bruk eller beroende samt unga som vårdas utanför det egna hemmet 2022–2024',
        en: 'Regional agreement on collaboration between Region Halland and the municipalities of Halland on the division of responsibilities and coordinated interventions for children, individuals with a psychiatric disability, individuals with risky use, harmful use or addiction, and young people cared for outside their own home 2022–2024',
      },
      validity: { from: 2022, to: 2024 },
    },
    {
      id: 'hjalpmedelsavtal-gnhh',
      label: {
        sv: 'Samverkansavtal för gemensam nämnd för hemsjukvård och hjälpmedel (”Hjälpmedelsavtal”)',
        en: 'Collaboration agreement for the joint committee for home health care and assistive devices (“Assistive devices agreement”)',
      },
    },
    {
      id: 'sarnar-nutrition',
      label: {
        sv: 'SärNär – Principöverenskommelse mellan Region Halland och Hallands kommuner (”Nutritionsöverenskommelse”)',
        en: 'SärNär – Agreement in principle between Region Halland and the municipalities of Halland (“Nutrition agreement”)',
      },
    },
  ],

  networks: [
    {
      id: 'genomforandegrupp-samverkansrutinen',
      label: {
        sv: 'Regional genomförandegrupp för samverkansrutinen',
        en: 'Regional implementation group for the collaboration procedure',
      },
    },
    { id: 'indikatorgruppen', label: { sv: 'Indikatorgruppen', en: 'The indicator group' } },
    { id: 'hjalpmedelsradet', label: { sv: 'Hjälpmedelsrådet', en: 'The assistive devices council' } },
    { id: 'nutritionsnatverket', label: { sv: 'Nutritionsnätverket', en: 'The nutrition network' } },
    // In every municipality there are two local strategic coordination groups: SSGB (children) and SSGV (adults).
    {
      id: 'ssgb-kungsbacka',
      label: {
        sv: 'Lokal strategisk samordningsgrupp Barn (SSGB) – Kungsbacka',
        en: 'Local strategic coordination group for children (SSGB) – Kungsbacka',
      },
    },
    {
      id: 'ssgv-kungsbacka',
      label: {
        sv: 'Lokal strategisk samordningsgrupp Vuxna (SSGV) – Kungsbacka',
        en: 'Local strategic coordination group for adults (SSGV) – Kungsbacka',
      },
    },
    {
      id: 'ssgb-varberg',
      label: {
        sv: 'Lokal strategisk samordningsgrupp Barn (SSGB) – Varberg',
        en: 'Local strategic coordination group for children (SSGB) – Varberg',
      },
    },
    {
      id: 'ssgv-varberg',
      label: {
        sv: 'Lokal strategisk samordningsgrupp Vuxna (SSGV) – Varberg',
        en: 'Local strategic coordination group for adults (SSGV) – Varberg',
      },
    },
    {
      id: 'ssgb-falkenberg',
      label: {
        sv: 'Lokal strategisk samordningsgrupp Barn (SSGB) – Falkenberg',
        en: 'Local strategic coordination group for children (SSGB) – Falkenberg',
      },
    },
    {
      id: 'ssgv-falkenberg',
      label: {
        sv: 'Lokal strategisk samordningsgrupp Vuxna (SSGV) – Falkenberg',
        en: 'Local strategic coordination group for adults (SSGV) – Falkenberg',
      },
    },
    {
      id: 'ssgb-halmstad',
      label: {
        sv: 'Lokal strategisk samordningsgrupp Barn (SSGB) – Halmstad',
        en: 'Local strategic coordination group for children (SSGB) – Halmstad',
      },
    },
    {
      id: 'ssgv-halmstad',
      label: {
        sv: 'Lokal strategisk samordningsgrupp Vuxna (SSGV) – Halmstad',
        en: 'Local strategic coordination group for adults (SSGV) – Halmstad',
      },
    },
    {
      id: 'ssgb-laholm',
      label: {
        sv: 'Lokal strategisk samordningsgrupp Barn (SSGB) – Laholm',
        en: 'Local strategic coordination group for children (SSGB) – Laholm',
      },
    },
    {
      id: 'ssgv-laholm',
      label: {
        sv: 'Lokal strategisk samordningsgrupp Vuxna (SSGV) – Laholm',
        en: 'Local strategic coordination group for adults (SSGV) – Laholm',
      },
    },
    {
      id: 'ssgb-hylte',
      label: {
        sv: 'Lokal strategisk samordningsgrupp Barn (SSGB) – Hylte',
        en: 'Local strategic coordination group for children (SSGB) – Hylte',
      },
    },
    {
      id: 'ssgv-hylte',
      label: {
        sv: 'Lokal strategisk samordningsgrupp Vuxna (SSGV) – Hylte',
        en: 'Local strategic coordination group for adults (SSGV) – Hylte',
      },
    },
    { id: 'natverk-psykisk-halsa', label: { sv: 'Nätverk psykisk hälsa', en: 'Mental health network' } },
    {
      id: 'processledningsgrupp-beroende',
      label: { sv: 'Processledningsgrupp beroende', en: 'Process management group for addiction' },
    },
    {
      id: 'natverk-suicidprevention',
      label: {
        sv: 'Regionalt nätverk för suicidprevention',
        en: 'Regional network for suicide prevention',
      },
    },
    {
      id: 'natverk-patient-brukare-narstaende',
      label: {
        sv: 'Regionalt nätverk för patient, brukar och närstående',
        en: 'Regional network for patients, service users and relatives',
      },
    },
  ],
};
