import { test } from './csp.js';
import { TIME_ZONE, addContact, addFollowupDueToday, completeFollowupFromToday, logTouch, setUpAccount, type Words } from './foundation-flow.js';

// A browser set to Spanish gets the whole interface in Spanish without choosing anything.
test.use({ locale: 'es-ES', timezoneId: TIME_ZONE });

const palabras: Words = {
  yourName: 'Tu nombre',
  email: 'Correo electrónico',
  password: 'Contraseña',
  createAccount: 'Crear cuenta',
  today: 'Hoy',
  addFirstContact: 'Añade tu primer contacto',
  firstName: 'Nombre',
  lastName: 'Apellidos',
  company: 'Empresa',
  email1: 'Correo 1',
  save: 'Guardar',
  channel: 'Canal',
  coffee: 'Café',
  summary: 'Resumen',
  logTouch: 'Registrar contacto',
  touchLogged: 'Contacto registrado',
  addFollowup: 'Añadir seguimiento',
  followupTitle: 'Qué hacer',
  dueDate: 'Fecha límite',
  dueToday: 'Para hoy',
  done: 'Hecho',
  followupDone: 'Seguimiento hecho',
  nothingDue: 'Nada pendiente para hoy',
};

test('una persona nueva configura Círculo, añade un contacto, registra un contacto y cierra un seguimiento', async ({ page }) => {
  await setUpAccount(page, palabras);
  await addContact(page, palabras, { first: 'José', last: 'García', company: 'Banco Norte', email: 'jose@banco.example' });
  await logTouch(page, palabras, 'Café: hablamos de su nuevo equipo de datos');
  await addFollowupDueToday(page, palabras, 'Enviarle el informe del meetup');
  await completeFollowupFromToday(page, palabras, 'Enviarle el informe del meetup');
});
