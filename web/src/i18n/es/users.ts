import type { users as english } from '../en/users';

// Ajustes → Usuarios, para la persona propietaria.
export const users: typeof english = {
  users: {
    title: 'Usuarios',
    hint: 'Todas las personas que pueden entrar en este Círculo. Cada una tiene su propia cuenta: nadie ve los contactos de otra.',
    add: 'Añadir usuario',
    addTitle: 'Añadir un usuario',
    addSubmit: 'Añadir usuario',
    name: 'Nombre',
    email: 'Correo electrónico',
    password: 'Contraseña inicial',
    passwordHint: 'Al menos 10 caracteres. Dásela en privado.',
    language: 'Idioma',
    added: '{{name}} ya puede entrar con su propia cuenta, vacía.',
    emailTaken: 'Ya existe un usuario con este correo.',
    owner: 'Propietario',
    status: { active: 'Activo', disabled: 'Desactivado' },
    createdOn: 'Añadido el {{date}}',
    disabledOn: 'Desactivado el {{date}}',
    disable: 'Desactivar',
    disableNamed: 'Desactivar a {{name}}',
    disableTitle: '¿Desactivar a {{name}}?',
    disableBody: 'Se cierra su sesión al momento, no podrá volver a entrar y sus tokens de API dejarán de funcionar. Sus contactos y todo lo demás se conservan, y puedes volver a activarlo.',
    disabled: '{{name}} está desactivado.',
    enable: 'Activar',
    enableNamed: 'Activar a {{name}}',
    enabled: '{{name}} ya puede volver a entrar.',
  },
};
