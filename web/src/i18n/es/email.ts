import type { email as en } from '../en/email';

export const email: typeof en = {
  emailSettings: {
    title: 'Correos',
    hint: 'Tu networking del día y el resumen de tu semana, a la hora que elijas (en tu zona horaria).',
    notConfigured: 'El correo está desactivado en este servidor: su administrador no ha configurado CIRCULO_SMTP_URL, así que no se envía nada.',
    daily: 'Resumen diario',
    dailyHint: 'Seguimientos atrasados y para hoy, ciclos por cerrar, con quién retomar el contacto, los eventos de la semana.',
    weekly: 'Resumen semanal los lunes',
    weeklyHint: 'Los contactos nuevos de la semana pasada frente a tu objetivo, ciclos cerrados, tasa de respuesta y cambios de etapa.',
    hour: 'Enviar a las',
    whenEmpty: 'Enviar el resumen diario aunque no haya nada pendiente',
    saved: 'Ajustes de correo guardados',
    test: 'Enviarme un correo de prueba',
    testSent: 'Correo de prueba enviado. Revisa tu bandeja de entrada.',
    testFailed: 'No se pudo enviar el correo de prueba: {{error}}',
    lastNone: 'Aún no se ha enviado ningún correo.',
    last: {
      sent: 'Último correo: el {{kind}} del {{date}}, enviado el {{at}}.',
      sending: 'Enviando el {{kind}} del {{date}}…',
      interrupted: 'El {{kind}} del {{date}} se interrumpió (el servidor se detuvo mientras lo enviaba) y no se vuelve a enviar.',
      failed: 'El {{kind}} del {{date}} falló tras {{attempts}} intentos: {{error}}.',
      retry: 'Se volverá a intentar el {{at}}.',
      noRetry: 'No se volverá a intentar.',
    },
    kind: { daily: 'resumen diario', weekly: 'resumen semanal' },
  },
};
