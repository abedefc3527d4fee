// Word lists for the benchmark's heavy user: a Spanish-and-English network, accents included,
// so search is exercised the way a real user would (typing `jose munoz` for José Muñoz).

export const spanishFirstNames = [
  'José', 'Lucía', 'María', 'María José', 'Juan', 'Juan Carlos', 'Ana', 'Sofía', 'Álvaro', 'Íñigo', 'Begoña',
  'Ramón', 'Jesús', 'Andrés', 'Martín', 'Inés', 'Raúl', 'Adrián', 'Víctor', 'Nuria', 'Mónica', 'Ángela',
  'Óscar', 'Sebastián', 'Joaquín', 'Germán', 'Noemí', 'Carmen', 'Pilar', 'Dolores', 'Rocío', 'Concepción',
  'Francisco', 'Antonio', 'Manuel', 'David', 'Javier', 'Daniel', 'Carlos', 'Miguel', 'Rafael', 'Pedro',
  'Pablo', 'Fernando', 'Sergio', 'Jorge', 'Alejandro', 'Luis', 'Alberto', 'Diego', 'Rubén', 'Iván',
  'Marta', 'Laura', 'Cristina', 'Paula', 'Elena', 'Sara', 'Raquel', 'Beatriz', 'Patricia', 'Alicia',
  'Irene', 'Andrea', 'Natalia', 'Silvia', 'Rosa', 'Yolanda', 'Susana', 'Montserrat', 'Mercè', 'Jordi',
  'Núria', 'Xavier', 'Ainhoa', 'Aitor', 'Iker', 'Maite', 'Itziar', 'Eneko', 'Gonzalo', 'Tomás', 'Nicolás',
  'Agustín', 'Julián', 'Fermín', 'Benjamín', 'Hernán', 'Valentín', 'Ximena', 'Camila', 'Valentina',
  'Mateo', 'Santiago', 'Emilia', 'Renée', 'Zoë', 'Ñico', 'Begoña', 'Maribel', 'Guillermo', 'Enrique',
];

export const spanishLastNames = [
  'García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín',
  'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Alonso', 'Gutiérrez',
  'Navarro', 'Torres', 'Domínguez', 'Vázquez', 'Ramos', 'Gil', 'Ramírez', 'Serrano', 'Blanco', 'Suárez',
  'Molina', 'Morales', 'Ortega', 'Delgado', 'Castro', 'Ortiz', 'Rubio', 'Marín', 'Sanz', 'Núñez', 'Ñúñez',
  'Iglesias', 'Medina', 'Garrido', 'Cortés', 'Castillo', 'Santos', 'Lozano', 'Guerrero', 'Cano', 'Prieto',
  'Méndez', 'Cruz', 'Calvo', 'Gallego', 'Vidal', 'León', 'Márquez', 'Herrera', 'Peña', 'Flores', 'Cabrera',
  'Campos', 'Vega', 'Fuentes', 'Carrasco', 'Díez', 'Caballero', 'Reyes', 'Nieto', 'Aguilar', 'Pascual',
  'Santana', 'Herrero', 'Lorenzo', 'Montero', 'Hidalgo', 'Giménez', 'Ibáñez', 'Ferrer', 'Durán', 'Benítez',
  'Mora', 'Vicente', 'Vargas', 'Arias', 'Carmona', 'Crespo', 'Román', 'Pastor', 'Soto', 'Sáez', 'Velasco',
  'Moya', 'Soler', 'Parra', 'Esteban', 'Bravo', 'Gallardo', 'Rojas', 'Echeverría', 'Goñi', 'Muñiz', 'Ibarra',
  'Zúñiga', 'Peñalver', 'Villaseñor', 'Cañizares', 'Urquijo', 'Aguirre', 'Etxeberria', 'Llorente', 'Puig',
];

export const englishFirstNames = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth',
  'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
  'Christopher', 'Nancy', 'Daniel', 'Lisa', 'Matthew', 'Betty', 'Anthony', 'Margaret', 'Mark', 'Sandra',
  'Emily', 'Olivia', 'Emma', 'Amelia', 'Oliver', 'Harry', 'George', 'Noah', 'Jack', 'Charlie', 'Siobhán',
  'Seán', 'Niamh', 'Aoife', 'Liam', 'Connor', 'Chloé', 'Zoë', 'Renée', 'Noël', 'Ethan', 'Grace', 'Hannah',
  'Rachel', 'Samuel', 'Benjamin', 'Lucy', 'Sophie', 'Isabel', 'Kate', 'Peter', 'Paul', 'Andrew', 'Helen',
];

export const englishLastNames = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
  'Thomas', 'Moore', 'Jackson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young',
  "O'Brien", "O'Connor", "O'Neill", "O'Sullivan", 'McAllister', 'MacDonald', 'McCarthy', 'Murphy', 'Kelly',
  'Walsh', 'Byrne', 'Ryan', 'Evans', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Hill', 'Scott', 'Baker',
  'Adams', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Turner', 'Parker', 'Collins', 'Stewart',
  'Morris', 'Cooper', 'Reed', 'Bell', 'Ward', 'Cox', 'Foster', 'Brooks', 'Gray', 'Price', 'Bennett', 'Wright',
  'Doyle', 'Fitzgerald', 'Ó Briain', 'Brontë',
];

/** A few names from elsewhere: Portuguese, French, German, Nordic. */
export const otherFirstNames = ['João', 'Gonçalo', 'Françoise', 'Hélène', 'Jérôme', 'Jürgen', 'Jörg', 'Søren', 'Åsa', 'Björn', 'Zoé', 'Léa', 'Maël', 'Iñaki'];
export const otherLastNames = ['Gonçalves', 'Conceição', 'Müller', 'Schäfer', 'Lefèvre', 'Béranger', 'Øvergaard', 'Åström', 'Nørgaard', 'Dubois', 'Ferreira'];

export const companies = [
  'Telefónica', 'Iberdrola', 'Banco Santander', 'BBVA', 'Mercadona', 'Inditex', 'Repsol', 'CaixaBank', 'Naturgy',
  'Ferrovial', 'Acciona', 'Mapfre', 'Indra', 'Amadeus', 'Cabify', 'Glovo', 'Wallapop', 'Idealista', 'Typeform',
  'Factorial', 'Travelperk', 'Red Points', 'Jobandtalent', 'Seedtag', 'Fever', 'Ulabox', 'Holaluz', 'Letgo',
  'El Corte Inglés', 'Mahou San Miguel', 'Grupo Ñandú', 'Cervecería Peñíscola', 'Construcciones Muñoz e Hijos',
  'Bodegas Viña Íñiguez', 'Clínica Dental Sonríe', 'Academia Ñ', 'Librería Cervantes', 'Café de Oriente',
  'Universidad Complutense', 'Universidad de Navarra', 'IE Business School', 'ESADE', 'IESE', 'Ayuntamiento de Málaga',
  'Google', 'Microsoft', 'Amazon', 'Meta', 'Apple', 'Salesforce', 'Stripe', 'Shopify', 'Atlassian', 'Spotify',
  'Deloitte', 'Accenture', 'McKinsey & Company', 'Boston Consulting Group', 'KPMG', 'PwC', 'EY', 'Bain & Company',
  'Goldman Sachs', 'J.P. Morgan', 'Barclays', 'HSBC', 'Revolut', 'N26', 'Wise', 'Monzo', 'Klarna', 'Adyen',
  'Unilever', 'Nestlé', 'L’Oréal', 'Danone', 'Siemens', 'Bosch', 'Philips', 'Airbus', 'Renault', 'Volkswagen',
  'Acme Consulting', 'Northwind Traders', 'Contoso', 'Fabrikam', 'Initech', 'Globex', 'Umbrella Partners',
  'Blue Harbor Capital', 'Seaside Ventures', 'Kaszek', 'Samaipata', 'K Fund', 'JME Ventures', 'Nauta Capital',
  'Freelance', 'Self-employed', 'Autónomo', 'Stealth startup', 'O’Reilly Media', 'The Guardian', 'El País',
];

export const titles = [
  'CEO', 'CTO', 'CFO', 'COO', 'Founder', 'Co-founder', 'Fundadora', 'Director de Marketing', 'Directora Financiera',
  'Head of Product', 'Product Manager', 'Senior Software Engineer', 'Ingeniera de Software', 'Data Scientist',
  'Jefe de Ventas', 'Account Executive', 'Sales Manager', 'Responsable de RRHH', 'Talent Acquisition Partner',
  'Recruiter', 'Consultor Senior', 'Managing Director', 'Partner', 'Socia', 'Abogado', 'Abogada', 'Arquitecto',
  'Diseñadora UX', 'UX Designer', 'Profesor titular', 'Investigadora', 'Periodista', 'Editor', 'Médico',
  'Enfermera', 'Community Manager', 'Business Developer', 'VP Engineering', 'Head of Growth', 'Analista',
  'Customer Success Manager', 'Operations Lead', 'Investment Associate', 'Principal', 'Board Member', 'Mentor',
];

export const cities = [
  'Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Málaga', 'Bilbao', 'Zaragoza', 'A Coruña', 'San Sebastián',
  'Córdoba', 'Palma', 'Alicante', 'Valladolid', 'Granada', 'Cádiz', 'London', 'Dublin', 'New York', 'San Francisco',
  'Lisboa', 'Paris', 'Berlin', 'México DF', 'Buenos Aires', 'Bogotá', 'Santiago de Chile', 'Lima', 'Amsterdam',
];

export const tags = [
  'golf', 'pádel', 'running', 'tenis', 'vela', 'montaña', 'inversor', 'investor', 'startup', 'fintech', 'saas',
  'ia', 'ai', 'data', 'design', 'diseño', 'marketing', 'ventas', 'sales', 'hiring', 'mentor', 'mentee', 'alumni',
  'esade-alumni', 'ie-alumni', 'colegio', 'universidad', 'vecino', 'familia', 'board', 'speaker', 'podcast',
  'cliente-potencial', 'prospect', 'partner', 'proveedor', 'vip', 'madrid', 'barcelona', 'london', 'remote',
  'book-club', 'wine', 'vino', 'fútbol', 'música', 'photography', 'climate', 'healthtech', 'edtech', 'legal',
];

export const interests = ['cocina', 'jazz', 'flamenco', 'ciclismo', 'ajedrez', 'history', 'sci-fi', 'yoga', 'surf', 'viajes', 'arte contemporáneo', 'poesía', 'gardening', 'chess', 'coffee'];
export const communities = ['Startup Grind Madrid', 'Women in Tech', 'Python España', 'Product Hive', 'Club de Pádel Retiro', 'Ex-alumnos ESADE', 'Rotary Club', 'Toastmasters', 'Runners Madrid', 'JS Meetup Barcelona'];

export const noteSentences = [
  'Nos conocimos en el South Summit; muy interesada en pagos B2B.',
  'Met at a conference in Lisbon; follow up about the API partnership.',
  'Hermano de un compañero del colegio. Le gusta el pádel los domingos.',
  'Looking for a senior engineer for her team in Dublin.',
  'Presentado por su socio; está levantando una ronda seed.',
  'Prefers WhatsApp over e-mail. Two kids, Lucía and Mateo.',
  'Trabajó conmigo en el proyecto de migración a la nube en 2019.',
  'Knows everyone in the Madrid fintech scene. Very generous with intros.',
  'Cumpleaños en primavera; le encanta el vino de Ribera del Duero.',
  'Asked about mentoring for his daughter who studies engineering.',
  'Experta en regulación bancaria, me ayudó con la licencia de entidad de pago.',
  'We played football together at university. Now lives in London.',
  'Cliente potencial: evaluar en el Q3. Decisor: su jefa, Begoña.',
  'Organiza el meetup mensual de producto en el barrio de Malasaña.',
  'Vegetarian; allergic to nuts. Loves sci-fi novels.',
  'Se mudó a Valencia el año pasado; quiere volver a Madrid.',
];

export const howMetOptions = [
  'LinkedIn', 'Conferencia', 'Conference', 'Amigo en común', 'Mutual friend', 'Trabajo anterior', 'Previous job',
  'Universidad', 'Meetup', 'Boda de Carlos', 'Club de pádel', 'Cold e-mail', 'Twitter', 'Evento de networking',
];

export const summaryTemplates = [
  'Café para ponernos al día', 'Catch-up call', 'Coffee catch-up', 'Le presenté a {name}', 'Intro to {name}',
  'Felicitación de cumpleaños', 'Birthday wishes', 'Pregunta sobre la ronda de inversión', 'Asked for a referral',
  'Compartí un artículo sobre IA', 'Shared an article', 'Comida en el centro', 'Lunch downtown', 'Respuesta a su e-mail',
  'Replied to their message', 'Demo del producto', 'Product demo', 'Reunión de seguimiento', 'Follow-up meeting',
  'Nos vimos en el evento', 'Saw them at the event', 'Le pedí feedback sobre el pitch', 'Asked for feedback on the deck',
  'Enhorabuena por el nuevo trabajo', 'Congrats on the new role', 'Videollamada sobre la colaboración',
];

export const interactionNotes = [
  'Habló de su nuevo proyecto; quiere que le presente a alguien de producto.',
  'They are hiring two backend engineers; I promised to share the role.',
  'Quedamos en vernos otra vez después del verano.',
  'Mentioned that their company is moving offices in September.',
  'Le recomendé el libro que comentamos; me debe una recomendación de restaurante.',
  'Good conversation about pricing strategy; send them our template.',
];

export const followupTitles: Record<string, string[]> = {
  thank_you: ['Dar las gracias a {name}', 'Thank {name} for the intro', 'Agradecer la recomendación'],
  report_outcome: ['Contar a {name} cómo fue', 'Tell {name} how the interview went', 'Report back on the deal'],
  keep_in_touch: ['Escribir a {name}', 'Check in with {name}', 'Llamar a {name}'],
  after_event: ['Seguimiento tras el evento', 'Follow up after the meetup', 'Enviar fotos del evento a {name}'],
  reply_invitation: ['Responder a la invitación de {name}', 'RSVP to {name}'],
  campaign: ['Felicitar la Navidad a {name}', 'Send New Year wishes', 'Newsletter personal'],
  custom: ['Enviar propuesta a {name}', 'Send the deck to {name}', 'Revisar contrato', 'Book lunch with {name}', 'Devolver el libro'],
};

/** Search terms a user would type: accent-free, partial, company names, tags, and misses. */
export const searchQueries = [
  'jose munoz', 'José Muñoz', 'lucia fernandez', 'lucía', 'nunez', 'ñúñez', "o'brien", 'obrien', 'garcia lopez',
  'maria jose', 'inigo', 'begona', 'alvaro', 'jurgen', 'soren', 'Brontë', 'mcallister', 'siobhan', 'sean murphy',
  'telefonica', 'Telefónica', 'santander', 'el corte ingles', 'google', 'mckinsey', 'nandu', 'peniscola',
  'ceo', 'founder', 'diseñadora', 'head of product', 'abogada', 'ingeniera',
  'golf', 'padel', 'inversor', 'fintech', 'esade', 'vip',
  'ribera del duero', 'malasaña', 'seed', 'lisbon', 'dublin',
  'martinez sanchez', 'rodriguez', 'smith', 'kelly', 'zuniga', 'zzzz', 'xq', 'ana', 'jo',
];
